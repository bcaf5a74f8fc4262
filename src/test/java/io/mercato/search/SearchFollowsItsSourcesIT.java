package io.mercato.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoModuleTest;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductChanged;
import io.mercato.catalog.ProductDraft.SkuDraft;
import io.mercato.catalog.ProductDraft;
import io.mercato.catalog.ProductStatus;
import io.mercato.inventory.StockChanged;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.ordering.OrderEvents.PaidLine;
import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.search.SearchResult.Hit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the search module promises the modules it listens to: a {@link ProductChanged} from the catalog puts the
 * product's current state in the index, a {@link StockChanged} from the inventory its availability, and an
 * {@link OrderPaid} from ordering its sales, counted in the paying transaction (so only when it commits), which
 * lift it in the ranking. The modules the
 * events come from are not asked: the tests publish the events themselves, after changing the source data
 * where the index cannot see it, so only the event can explain what the index shows.
 */
@MercatoModuleTest
class SearchFollowsItsSourcesIT {

    /** Searchers reopen within 100 ms of a change and sales are folded in every 500 ms; this leaves room for a busy machine. */
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 1_000_000_000L);

    private final Catalog catalog;
    private final Stores stores;
    private final ProductSearch search;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private Actor seller;
    private long store;
    private long category;

    SearchFollowsItsSourcesIT(Catalog catalog, Stores stores, ProductSearch search, JdbcClient jdbc,
            TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.stores = stores;
        this.search = search;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    @BeforeAll
    void openAStore() {
        seller = new Actor(IDS.incrementAndGet(), Role.SELLER);
        store = stores.open(seller, "Search store " + IDS.incrementAndGet(), StoreKind.TAOBAO, "CNY", null).id();
        category = catalog.createCategory(new Actor(IDS.incrementAndGet(), Role.OPERATOR), "Search category " + IDS.incrementAndGet(), null, 0).id();
    }

    @Test
    void aProductChangedEventPutsTheProductsCurrentTitleInTheIndex(Scenario scenario) {
        String before = word();
        String after = word();
        Product product = listed("Lamp " + before, 3);
        jdbc.sql("UPDATE catalog.products SET title = ? WHERE id = ?").params("Lamp " + after, product.id()).update();
        assertThat(ids(query(after))).as("no event yet, so the index still has the old title").isEmpty();

        scenario.publish(new ProductChanged(product.id(), store, ProductStatus.LISTED))
                .andWaitAtMost(WITHIN)
                .andWaitForStateChange(() -> ids(query(after)), found -> !found.isEmpty())
                .andVerify(found -> assertThat(found).containsExactly(product.id()));
        assertThat(ids(query(before))).as("the old title is gone").isEmpty();
    }

    @Test
    void aProductTheCatalogDelistsLeavesTheIndex(Scenario scenario) {
        String word = word();
        Product product = listed("Teapot " + word, 3);

        scenario.stimulate(() -> catalog.delist(seller, product.id()))
                .andWaitAtMost(WITHIN)
                .andWaitForStateChange(() -> ids(query(word)), List::isEmpty)
                .andVerifyEvents(events -> assertThat(events).contains(ProductChanged.class)
                        .matching(ProductChanged::productId, product.id())
                        .matching(ProductChanged::status, ProductStatus.DELISTED));
    }

    @Test
    void aStockChangedEventMovesTheProductInAndOutOfTheInStockResults(Scenario scenario) {
        String word = word();
        Product product = listed("Kettle " + word, 2);
        long sku = product.skus().getFirst().id();
        assertThat(ids(inStock(word))).containsExactly(product.id());

        jdbc.sql("UPDATE inventory.stock SET on_hand = 0 WHERE sku_id = ?").param(sku).update();
        scenario.publish(new StockChanged(sku, 0))
                .andWaitAtMost(WITHIN)
                .andWaitForStateChange(() -> ids(inStock(word)), List::isEmpty)
                .andVerify(none -> assertThat(query(word).hits()).singleElement()
                        .satisfies(hit -> assertThat(hit.inStock()).as("sold out still shows, marked").isFalse()));

        jdbc.sql("UPDATE inventory.stock SET on_hand = 5 WHERE sku_id = ?").param(sku).update();
        scenario.publish(new StockChanged(sku, 5))
                .andWaitAtMost(WITHIN)
                .andWaitForStateChange(() -> ids(inStock(word)), found -> !found.isEmpty())
                .andVerify(found -> assertThat(found).containsExactly(product.id()));
    }

    @Test
    void anOrderPaidCountsItsUnitsWhenThePaymentCommitsAndLiftsTheProductInTheRanking(Scenario scenario) {
        String word = word();
        Product quiet = listed("Mug " + word, 10);
        Product popular = listed("Mug " + word, 10);
        assertThat(ids(query(word))).containsExactlyInAnyOrder(quiet.id(), popular.id());
        OrderPaid paid = paid(popular, 3);

        scenario.publish(paid)
                .andWaitAtMost(WITHIN)
                .andWaitForStateChange(() -> bySales(word), hits -> hits.getFirst().sales() > 0)
                .andVerify(hits -> {
                    assertThat(hits).extracting(Hit::productId).containsExactly(popular.id(), quiet.id());
                    assertThat(hits).extracting(Hit::sales).containsExactly(3L, 0L);
                    assertThat(ids(query(word))).as("relevance blends sales in").containsExactly(popular.id(), quiet.id());
                });

        // Sales are counted in the paying transaction: a payment that rolls back counts nothing.
        transactions.executeWithoutResult(status -> {
            events.publishEvent(paid(popular, 7));
            status.setRollbackOnly();
        });
        scenario.publish(paid(popular, 2))
                .andWaitAtMost(WITHIN)
                .andWaitForStateChange(() -> bySales(word), hits -> hits.getFirst().sales() == 5)
                .andVerify(hits -> assertThat(unitsSold(popular)).as("the rolled-back payment's 7 are not counted")
                        .isEqualTo(5));
    }

    /** A word no other product has: letters only, so it is one token. */
    private static String word() {
        StringBuilder word = new StringBuilder("seam");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    /** A product listed through the catalog (whose own events index it), once search finds it. */
    private Product listed(String title, long stock) {
        Product draft = catalog.createProduct(seller, store, new ProductDraft(title, "", category, null,
                List.of("https://img.example.com/p.jpg"),
                List.of(new SkuDraft(null, Map.of("colour", "red"), 9_900L, "CNY", null, stock))));
        Product product = catalog.list(seller, draft.id());
        String word = title.substring(title.indexOf(' ') + 1);
        long end = System.nanoTime() + WITHIN.toNanos();
        while (!ids(query(word)).contains(product.id()) && System.nanoTime() < end) {
            pause();
        }
        assertThat(ids(query(word))).as("product %s indexed after listing", product.id()).contains(product.id());
        return product;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private OrderPaid paid(Product product, long units) {
        long sku = product.skus().getFirst().id();
        return new OrderPaid(IDS.incrementAndGet(), IDS.incrementAndGet(), store, Money.of(units * 9_900, "CNY"),
                List.of(new PaidLine(product.id(), sku, units)));
    }

    private long unitsSold(Product product) {
        return jdbc.sql("SELECT coalesce(sum(units), 0) FROM search.product_sales WHERE product_id = ?")
                .param(product.id()).query(Long.class).single();
    }

    private SearchResult query(String text) {
        return search.search(SearchQuery.text(text));
    }

    private SearchResult inStock(String text) {
        SearchQuery all = SearchQuery.text(text);
        return search.search(new SearchQuery(all.text(), null, null, Set.of(), Set.of(), null, null, true, Map.of(),
                all.sort(), 0, all.size(), false));
    }

    private List<Hit> bySales(String text) {
        SearchQuery all = SearchQuery.text(text);
        return search.search(new SearchQuery(all.text(), null, null, Set.of(), Set.of(), null, null, false, Map.of(),
                SearchSort.SALES, 0, all.size(), false)).hits();
    }

    private static List<Long> ids(SearchResult result) {
        return result.hits().stream().map(Hit::productId).toList();
    }
}
