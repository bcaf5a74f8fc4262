package io.mercato.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.mercato.MercatoModuleTest;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductChanged;
import io.mercato.catalog.ProductDraft.SkuDraft;
import io.mercato.catalog.ProductDraft;
import io.mercato.catalog.ProductStatus;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import io.mercato.search.SearchResult.Hit;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that publishes a few hundred {@link ProductChanged} at once, as the demo seed does on a first
 * start, on a small pool whose connections are given up quickly: every delivery completes and the index shows
 * them all. The listeners used to run all at once and time out waiting for a connection, leaving their
 * publications incomplete until a restart.
 */
@MercatoModuleTest
class SearchKeepsUpWithABurstIT {

    private static final int PRODUCTS = 10;
    private static final int EVENTS_PER_PRODUCT = 30;
    private static final Duration WITHIN = Duration.ofMinutes(2);
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 1_000_000_000L);

    @DynamicPropertySource
    static void smallPool(DynamicPropertyRegistry registry) {
        registry.add("mercato.pool-size", () -> "6");
    }

    private final Catalog catalog;
    private final Stores stores;
    private final ProductSearch search;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;

    SearchKeepsUpWithABurstIT(Catalog catalog, Stores stores, ProductSearch search, JdbcClient jdbc,
            ApplicationEventPublisher events, TransactionTemplate transaction, DataSource dataSource) {
        this.catalog = catalog;
        this.stores = stores;
        this.search = search;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
        this.dataSource = dataSource;
    }

    @Test
    void everyDeliveryOfABurstCompletesOnASmallPool() throws SQLException {
        Actor seller = new Actor(IDS.incrementAndGet(), Role.SELLER);
        long store = stores.open(seller, "Burst store " + IDS.incrementAndGet(), StoreKind.TAOBAO, "CNY", null).id();
        long category = catalog.createCategory(new Actor(IDS.incrementAndGet(), Role.OPERATOR),
                "Burst category " + IDS.incrementAndGet(), null, 0).id();
        List<Long> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            Product draft = catalog.createProduct(seller, store, new ProductDraft("Crate " + i, "", category, null,
                    List.of("https://img.example.com/p.jpg"),
                    List.of(new SkuDraft(null, Map.of("colour", "red"), 9_900L, "CNY", null, 5L))));
            products.add(catalog.list(seller, draft.id()).id());
        }
        await(() -> incomplete() == 0);
        // A busy machine: a listener that cannot get a connection soon gives up, as 295 did on the first demo start.
        dataSource.unwrap(HikariDataSource.class).getHikariConfigMXBean().setConnectionTimeout(250);

        String word = word();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE catalog.products SET title = 'Crate ' || :word WHERE id IN (:ids)")
                    .param("word", word).param("ids", products).update();
            for (int round = 0; round < EVENTS_PER_PRODUCT; round++) {
                products.forEach(id -> events.publishEvent(new ProductChanged(id, store, ProductStatus.LISTED)));
            }
        });

        long started = System.nanoTime();
        await(() -> incomplete() == 0 && ids(word).size() == PRODUCTS);
        System.out.printf("burst of %d delivered in %d ms%n", PRODUCTS * EVENTS_PER_PRODUCT,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(incomplete()).as("publications left incomplete").isZero();
        assertThat(ids(word)).containsExactlyInAnyOrderElementsOf(products);
    }

    private long incomplete() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Long.class).single();
    }

    private List<Long> ids(String word) {
        return search.search(SearchQuery.text(word)).hits().stream().map(Hit::productId).toList();
    }

    private static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (!holds(condition) && System.nanoTime() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether the condition holds yet; not while the test itself cannot get a connection to look. */
    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (CannotGetJdbcConnectionException e) {
            return false;
        }
    }

    private static String word() {
        StringBuilder word = new StringBuilder("burst");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
