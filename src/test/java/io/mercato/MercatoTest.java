package io.mercato;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole platform on a real embedded PostgreSQL (a fresh data directory per test run) behind a real HTTP
 * port, with a clock the test controls and the background timers and ledger roll-ups off so tests run them on
 * purpose. Every test class with this annotation shares one running application, so tests create their own
 * accounts and stores rather than assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        MercatoTest.FRESH_DATA_DIR,
        MercatoTest.TIMERS_OFF,
        MercatoTest.ROLL_UP_OFF,
        MercatoTest.DEMO_OFF,
        MercatoTest.LONG_TOKEN_CACHE,
        MercatoTest.CLIENT_READS_HIGH,
        MercatoTest.CLIENT_WRITES_HIGH,
        "mercato.identity.max-failures-per-address=40"
})
@Import(TestClockConfiguration.class)
public @interface MercatoTest {

    /** A new embedded database and search index for every application context, under {@code target/}. */
    String FRESH_DATA_DIR = "mercato.data-dir=target/test-data/run-${random.uuid}";

    /** The lifecycle timers do not run by themselves; tests run them on purpose. */
    String TIMERS_OFF = "mercato.ordering.timers-enabled=false";

    /** The ledger's balance deltas are not rolled up by themselves; tests roll them up on purpose. */
    String ROLL_UP_OFF = "mercato.payment.roll-up-enabled=false";

    /** No demo marketplace is seeded, so tests see only their own data (and each other's). */
    String DEMO_OFF = "mercato.demo.enabled=false";

    /**
     * Verified tokens stay cached far longer than any test runs, so a revocation the tests see was heard, not waited
     * out.
     */
    String LONG_TOKEN_CACHE = "mercato.identity.token-cache.ttl=10m";

    /**
     * A test's client reads and writes far faster than a person (an invariant reads every order it placed after each
     * step), and every anonymous caller shares the loopback address: the per-client read and write rates are lifted
     * out of the way so that a test never meets a 429 it did not ask for. Flash-sale attempt rates, the bulkheads and
     * latency shedding stay as configured.
     */
    String CLIENT_READS_HIGH = "mercato.overload.reads-per-client=100000";

    /** See {@link #CLIENT_READS_HIGH}. */
    String CLIENT_WRITES_HIGH = "mercato.overload.writes-per-client=100000";
}
