package io.mercato.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoApplication;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Verified bearer tokens are cached (for 10 minutes in tests, see {@link MercatoTest#LONG_TOKEN_CACHE}), yet a
 * token logged out, expired or revoked unheard is refused as before.
 */
@MercatoTest
class TokenCacheIT {

    private static final String LISTENER = "mercato identity revocations";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    MarketFixture market;

    @BeforeEach
    void setUp() {
        market = new MarketFixture(port);
    }

    @Test
    void aCachedTokenLoggedOutIsRefusedOnTheNextRequest() {
        Api buyer = market.account("BUYER");
        awaitCached(buyer, meters);

        assertThat(buyer.delete("/api/v1/sessions/current").status()).isEqualTo(204);

        assertThat(buyer.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aCachedTokenExpiresWithTheToken() {
        Api buyer = market.account("BUYER");
        awaitCached(buyer, meters);

        clock.advance(Duration.ofDays(7).minusSeconds(5));
        assertThat(buyer.get("/api/v1/me").status()).as("still valid a moment before its expiry").isEqualTo(200);

        clock.advance(Duration.ofSeconds(6));
        assertThat(buyer.get("/api/v1/me").status()).as("expired, though cached").isEqualTo(401);
    }

    @Test
    void aSecondInstanceOnTheSameDatabaseRefusesATokenLoggedOutOnTheFirst() throws Exception {
        Api buyer = market.account("BUYER");
        try (ConfigurableApplicationContext second = secondInstance()) {
            int secondPort = Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port"));
            assertThat(second.getBean(DataSource.class).unwrap(HikariDataSource.class).getJdbcUrl())
                    .as("the second instance runs on the first one's database").isEqualTo(pool().getJdbcUrl());
            Api onSecond = new Api(secondPort).as(buyer.token());
            awaitCached(buyer, meters);
            awaitCached(onSecond, second.getBean(MeterRegistry.class));
            assertThat(listeners()).as("each instance listens on a connection of its own").hasSize(2);

            assertThat(buyer.delete("/api/v1/sessions/current").status()).isEqualTo(204);
            long loggedOut = System.nanoTime();

            boolean refused = poll(Duration.ofSeconds(5), () -> onSecond.get("/api/v1/me").status() == 401);
            assertThat(refused).as("the second instance refuses the token within 5 s, not after its 10 min cache")
                    .isTrue();
            System.out.printf("Logout on one instance refused by the other after %d ms%n",
                    (System.nanoTime() - loggedOut) / 1_000_000);
            assertThat(buyer.get("/api/v1/me").status()).isEqualTo(401);

            long closing = System.nanoTime();
            second.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("the second instance stops promptly")
                    .isLessThan(Duration.ofSeconds(15));
        }
        assertThat(listeners()).as("the second instance's listening connection is closed").hasSize(1);
    }

    @Test
    void aListenerThatLostItsConnectionStartsAgainWithAnEmptyCache() {
        Api buyer = market.account("BUYER");
        awaitCached(buyer, meters);
        // Revoked without a notification, as if it went unheard while the listener was disconnected.
        jdbc.sql("DELETE FROM identity.tokens WHERE token_hash = ?").param(sha256(buyer.token())).update();
        assertThat(buyer.get("/api/v1/me").status()).as("still cached: nothing was heard").isEqualTo(200);

        List<Integer> before = listeners();
        assertThat(before).hasSize(1);
        jdbc.sql("SELECT pg_terminate_backend(?)").param(before.getFirst()).query().listOfRows();
        boolean back = poll(Duration.ofSeconds(10), () -> {
            List<Integer> now = listeners();
            return now.size() == 1 && !now.equals(before);
        });
        assertThat(back).as("the listener connects again").isTrue();

        assertThat(buyer.get("/api/v1/me").status()).as("the cache was emptied on reconnecting").isEqualTo(401);
    }

    @Test
    void onItsOwnEmbeddedDatabaseAnInstanceStopsListeningBeforeTheDatabaseStops() {
        long listenersBefore = revocationThreads();
        Path dataDir = Path.of("target/test-data/own-" + UUID.randomUUID()).toAbsolutePath();
        ConfigurableApplicationContext own = new SpringApplicationBuilder(MercatoApplication.class).run(Stream.of(
                "mercato.data-dir=" + dataDir, "server.port=0", MercatoTest.TIMERS_OFF, MercatoTest.DEMO_OFF,
                MercatoTest.LONG_TOKEN_CACHE).map(setting -> "--" + setting).toArray(String[]::new));
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger listenerLog = (Logger) LoggerFactory.getLogger("io.mercato.identity.internal.TokenRevocationListener");
        try {
            MarketFixture ownMarket = new MarketFixture(
                    Integer.parseInt(own.getEnvironment().getRequiredProperty("local.server.port")));
            awaitCached(ownMarket.account("BUYER"), own.getBean(MeterRegistry.class));
            assertThat(revocationThreads()).isEqualTo(listenersBefore + 1);
            logged.start();
            listenerLog.addAppender(logged);
        } finally {
            long closing = System.nanoTime();
            own.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("the instance stops promptly")
                    .isLessThan(Duration.ofSeconds(10));
            listenerLog.detachAppender(logged);
        }
        assertThat(revocationThreads()).as("its listener thread ended").isEqualTo(listenersBefore);
        assertThat(logged.list).as("the listener stopped before the database, without complaint").isEmpty();
    }

    private static long revocationThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("identity-revocations") && thread.isAlive()).count();
    }

    /** Asks until the instance answers this token from its cache (it caches once its listener listens). */
    private static void awaitCached(Api account, MeterRegistry meters) {
        boolean cached = poll(Duration.ofSeconds(10), () -> {
            double hits = hits(meters);
            Api.Response me = account.get("/api/v1/me");
            assertThat(me.status()).as("%s", me).isEqualTo(200);
            return hits(meters) > hits;
        });
        assertThat(cached).as("the token is answered from the cache").isTrue();
    }

    private static double hits(MeterRegistry meters) {
        return meters.get("cache.gets").tags("cache", "identity.tokens", "result", "hit").functionCounter().count();
    }

    /** The server processes of the listening connections on this database. */
    private List<Integer> listeners() {
        return jdbc.sql("SELECT pid FROM pg_stat_activity WHERE application_name = ? ORDER BY pid").param(LISTENER)
                .query(Integer.class).list();
    }

    /**
     * The platform once more, on this test's database but with a data directory and port of its own. Its settings
     * are arguments, as an operator would give them, since they must override {@code application.yml}.
     */
    private ConfigurableApplicationContext secondInstance() throws Exception {
        HikariDataSource pool = pool();
        Path dataDir = Path.of("target/test-data/second-" + UUID.randomUUID()).toAbsolutePath();
        return new SpringApplicationBuilder(MercatoApplication.class).run(Stream.of(
                "spring.datasource.url=" + pool.getJdbcUrl(),
                "spring.datasource.username=" + pool.getUsername(),
                "spring.datasource.password=" + pool.getPassword(),
                "spring.datasource.hikari.maximum-pool-size=4",
                "mercato.data-dir=" + dataDir,
                "server.port=0",
                MercatoTest.TIMERS_OFF,
                MercatoTest.DEMO_OFF,
                MercatoTest.LONG_TOKEN_CACHE).map(setting -> "--" + setting).toArray(String[]::new));
    }

    private HikariDataSource pool() throws Exception {
        return dataSource.unwrap(HikariDataSource.class);
    }

    private static boolean poll(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
