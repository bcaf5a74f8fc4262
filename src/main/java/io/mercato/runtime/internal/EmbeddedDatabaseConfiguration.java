package io.mercato.runtime.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from Maven-served binaries when no external database is configured, with its
 * data kept under the data directory so a restart keeps everything. Commits are durable (fsync on), as
 * on a production server. It listens on localhost only and asks every connection for the superuser's password
 * (scram-sha-256), which is generated on the first start and kept beside it (see {@link SuperuserPassword}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
final class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** Settings that keep a commit durable; {@code mercato.embedded-settings} cannot override them. */
    private static final Set<String> DURABILITY = Set.of("fsync", "synchronous_commit",
            "full_page_writes");

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
        Path dir = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(dir);
        LeftoverPostmaster.stopIfRunning(dir);
        SuperuserPassword superuser = SuperuserPassword.in(properties.dataDir());
        boolean created = !Files.exists(dir.resolve("postgresql.conf"));
        boolean trusting = !created && SuperuserPassword.trusts(dir);
        String password = created || trusting ? superuser.readOrCreate() : superuser.read();
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // Spring closes this bean after everything that uses the database; the library's own JVM hook
                // would stop PostgreSQL concurrently, leaving shutdown to wait 30 s for a connection.
                .setRegisterShutdownHook(false)
                // The library gives up after 10 s; a first start on a busy machine can take longer than that.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB")
                // The library runs initdb with "-A trust" and appends these as "--auth=…", "--pwfile=…"; initdb keeps
                // the last --auth, so a new cluster asks every connection, local or TCP, for the superuser password.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", superuser.file().toString())
                .setConnectConfig("password", password);
        properties.embeddedSettings().forEach((name, value) -> {
            if (DURABILITY.contains(name)) {
                throw new IllegalArgumentException("mercato.embedded-settings may not change " + name
                        + ": commits stay durable");
            }
            builder.setServerConfig(name, value);
        });
        if (properties.embeddedPort() > 0) {
            builder.setPort(properties.embeddedPort());
        }
        EmbeddedPostgres postgres = builder.start();
        if (trusting) {
            try {
                SuperuserPassword.switchToScram(postgres.getPostgresDatabase(), dir, postgres.getPort(), password);
            } catch (SQLException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                postgres.close();
                throw new IOException("Could not give the embedded PostgreSQL in " + dir + " a password", e);
            }
            log.warn("The embedded PostgreSQL in {} let every local process in without a password; its superuser now "
                    + "has a generated password (in {}, readable by its owner only) and pg_hba.conf asks for it "
                    + "(scram-sha-256)", dir, superuser.file());
        }
        log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(), dir,
                (System.nanoTime() - started) / 1_000_000);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        config.setUsername(SuperuserPassword.USER);
        try {
            config.setPassword(SuperuserPassword.in(properties.dataDir()).read());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.setMaximumPoolSize(properties.poolSize());
        config.setPoolName("mercato");
        return new HikariDataSource(config);
    }
}
