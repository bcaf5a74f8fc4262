package io.mercato.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoModuleTest;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductDraft.SkuDraft;
import io.mercato.catalog.ProductDraft;
import io.mercato.catalog.Sku;
import io.mercato.catalog.SkuCreated;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog's {@link SkuCreated} gives every new SKU its stock record in the inventory, inside the transaction
 * that creates the SKU: a SKU never exists without stock, and stock never outlives a SKU that was rolled back.
 */
@MercatoModuleTest
class StockFollowsTheCatalogIT {

    /** Ids no other test uses: the events below name SKUs the catalog has never seen. */
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 1_000_000_000L);

    private final StockLedger stock;
    private final Catalog catalog;
    private final Stores stores;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    StockFollowsTheCatalogIT(StockLedger stock, Catalog catalog, Stores stores, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.stock = stock;
        this.catalog = catalog;
        this.stores = stores;
        this.events = events;
        this.transactions = transactions;
    }

    private @Nullable Stock stockOf(long skuId) {
        return stock.stock(List.of(skuId)).get(skuId);
    }

    @Test
    void aCreatedSkuGetsAStockRecordHoldingItsInitialStock(Scenario scenario) {
        long sku = IDS.incrementAndGet();

        scenario.publish(new SkuCreated(sku, IDS.incrementAndGet(), IDS.incrementAndGet(), 12))
                .andWaitForStateChange(() -> stockOf(sku))
                .andVerify(created -> {
                    assertThat(created.onHand()).isEqualTo(12);
                    assertThat(created.reserved()).isZero();
                    assertThat(created.available()).isEqualTo(12);
                });
    }

    @Test
    void aRedeliveredSkuCreatedLeavesTheStockAsItHasBecome(Scenario scenario) {
        long sku = IDS.incrementAndGet();
        SkuCreated created = new SkuCreated(sku, IDS.incrementAndGet(), IDS.incrementAndGet(), 12);
        scenario.publish(created).andWaitForStateChange(() -> stockOf(sku)).andVerify(first -> assertThat(first.onHand()).isEqualTo(12));
        transactions.executeWithoutResult(tx -> stock.reserve(IDS.incrementAndGet(), List.of(new StockLine(sku, 5))));

        scenario.publish(created)
                .andWaitForStateChange(() -> stockOf(sku))
                .andVerify(again -> {
                    assertThat(again.onHand()).as("on hand").isEqualTo(12);
                    assertThat(again.reserved()).as("still reserved by the order").isEqualTo(5);
                });
    }

    @Test
    void aSkuCreationThatRollsBackLeavesNoStockRecord() {
        long sku = IDS.incrementAndGet();

        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new SkuCreated(sku, IDS.incrementAndGet(), IDS.incrementAndGet(), 12));
            assertThat(stockOf(sku)).as("stock inside the creating transaction").isNotNull();
            tx.setRollbackOnly();
        });

        assertThat(stockOf(sku)).as("stock after the rollback").isNull();
    }

    @Test
    void aProductCreatedInTheCatalogHasStockForEachOfItsSkus(AssertablePublishedEvents published) {
        Actor seller = new Actor(IDS.incrementAndGet(), Role.SELLER);
        long store = stores.open(seller, "Stock store " + IDS.incrementAndGet(), StoreKind.TAOBAO, "CNY", null).id();
        long category = catalog.createCategory(new Actor(IDS.incrementAndGet(), Role.OPERATOR), "Stock category " + IDS.incrementAndGet(), null, 0).id();

        Product product = catalog.createProduct(seller, store, new ProductDraft("Lamp", "", category, null,
                List.of("https://img.example.com/lamp.jpg"), List.of(
                        new SkuDraft(null, Map.of("colour", "white"), 5_000L, "CNY", null, 7L),
                        new SkuDraft(null, Map.of("colour", "black"), 5_000L, "CNY", null, 0L))));

        assertThat(product.skus()).hasSize(2);
        assertThat(published.ofType(SkuCreated.class).matchingValue(SkuCreated::productId, product.id())).hasSize(2);
        Map<Long, Stock> records = stock.stock(product.skus().stream().map(Sku::id).toList());
        assertThat(records).hasSize(2);
        assertThat(records.get(product.skus().get(0).id())).isEqualTo(new Stock(product.skus().get(0).id(), 7, 0));
        assertThat(records.get(product.skus().get(1).id())).isEqualTo(new Stock(product.skus().get(1).id(), 0, 0));
    }
}
