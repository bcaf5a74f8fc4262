package io.mercato.identity.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears the revocations of every instance on the database ({@code LISTEN} on {@value VerifiedTokens#CHANNEL}) and
 * evicts them from {@link VerifiedTokens}. It holds one connection of its own, outside the pool, on a daemon
 * thread. The cache is trusted only while this connection listens: when it fails the cache is cleared and bypassed,
 * and once it listens again (retrying with backoff) the cache starts empty. A connection that stops answering is
 * noticed by a check every few seconds. It starts before the web server and stops after it, before the database
 * goes away.
 */
@Component
class TokenRevocationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TokenRevocationListener.class);

    private static final int POLL_MILLIS = 500;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final int CHECK_TIMEOUT_SECONDS = 3;
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final VerifiedTokens tokens;
    private volatile boolean running;
    private @Nullable Thread thread;

    TokenRevocationListener(DataSource dataSource, VerifiedTokens tokens) {
        this.dataSource = dataSource;
        this.tokens = tokens;
    }

    @Override
    public synchronized void start() {
        if (running || !tokens.enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("identity-revocations").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        Thread listening;
        synchronized (this) {
            running = false;
            listening = thread;
            thread = null;
        }
        if (listening != null) {
            LockSupport.unpark(listening);
            try {
                listening.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tokens.distrust();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server starts (and so after it stops), which is {@code DEFAULT_PHASE - 1024} and below. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void listen() {
        Duration retry = FIRST_RETRY;
        boolean failedBefore = false;
        while (running) {
            try (Connection connection = connect()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + VerifiedTokens.CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                tokens.trust();
                if (failedBefore) {
                    log.info("Listening for token revocations again; verified tokens are cached again");
                }
                failedBefore = false;
                retry = FIRST_RETRY;
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            tokens.evict(notification.getParameter());
                        }
                    }
                    if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
                        if (!connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                            throw new SQLException("the listening connection stopped answering");
                        }
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                tokens.distrust();
                if (!running) {
                    break;
                }
                log.warn("Not listening for token revocations ({}); every request asks the database until listening "
                        + "again, next try in {} ms", e.getMessage(), retry.toMillis());
                failedBefore = true;
                long until = System.nanoTime() + retry.toNanos();
                while (running && System.nanoTime() < until) {
                    LockSupport.parkNanos(until - System.nanoTime());
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) < 0 ? retry.multipliedBy(2) : LAST_RETRY;
            }
        }
        tokens.distrust();
    }

    /**
     * A connection of its own with the pool's settings, so it neither takes a pooled one nor is recycled by it; one
     * from the data source when that is no Hikari pool with a JDBC URL.
     */
    private Connection connect() throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            return dataSource.getConnection();
        }
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        if (pool.getJdbcUrl() == null) {
            return dataSource.getConnection();
        }
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.putIfAbsent("ApplicationName", "mercato identity revocations");
        properties.putIfAbsent("connectTimeout", "10");
        properties.putIfAbsent("tcpKeepAlive", "true");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
}
