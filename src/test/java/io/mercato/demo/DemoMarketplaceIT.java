package io.mercato.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import io.mercato.catalog.Catalog;
import io.mercato.identity.Accounts;
import io.mercato.merchant.Stores;
import io.mercato.payment.Escrow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@MercatoTest
class DemoMarketplaceIT {

    @Autowired
    Accounts accounts;
    @Autowired
    Stores stores;
    @Autowired
    Catalog catalog;
    @Autowired
    Escrow escrow;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.mercato.ordering.Checkout checkout;
    @Autowired
    io.mercato.ordering.OrderLifecycle lifecycle;
    @Autowired
    io.mercato.payment.AdAccounts adAccounts;
    @Autowired
    io.mercato.ads.AdCampaigns campaigns;
    @Autowired
    io.mercato.fulfillment.Logistics logistics;
    @Autowired
    io.mercato.fulfillment.Shipments shipments;
    @Autowired
    io.mercato.fulfillment.TrackingIntake intake;
    @Autowired
    java.time.Clock clock;
    @Autowired
    io.mercato.pricing.Festivals festivals;
    @Autowired
    io.mercato.pricing.Presales presales;
    @Autowired
    io.mercato.pricing.Promotions promotions;
    @Autowired
    io.mercato.pricing.Vouchers vouchers;
    @Autowired
    io.mercato.pricing.PriceQuotes prices;
    @Autowired
    io.mercato.media.Images images;
    @Autowired
    io.mercato.instant.LocalStores localStores;
    @Autowired
    io.mercato.instant.Riders riders;

    @Test
    void seedsASmallMarketplaceOnceHoweverOftenItRuns() {
        DemoMarketplace demo = new DemoMarketplace(accounts, stores, catalog, escrow, transactions, adAccounts, campaigns, images);
        long productsBefore = count("SELECT count(*) FROM catalog.products WHERE status = 'LISTED'");
        long lastProductBefore = count("SELECT coalesce(max(id), 0) FROM catalog.products");

        demo.run(new DefaultApplicationArguments());
        long seeded = count("SELECT count(*) FROM catalog.products WHERE status = 'LISTED'") - productsBefore;
        demo.run(new DefaultApplicationArguments());

        assertThat(seeded).isGreaterThanOrEqualTo(200);
        assertThat(count("SELECT count(*) FROM catalog.products WHERE status = 'LISTED'") - productsBefore)
                .as("a second run adds nothing").isEqualTo(seeded);
        assertThat(count("""
                SELECT count(DISTINCT p.category_id) FROM catalog.products p
                JOIN identity.accounts a ON a.email LIKE '%@mercato.demo' JOIN merchant.stores s ON s.owner_account_id = a.id
                WHERE p.store_id = s.id""")).isGreaterThanOrEqualTo(10);
        assertThat(count("SELECT count(DISTINCT kind) FROM merchant.stores WHERE status IN ('ACTIVE', 'VERIFIED')"))
                .isGreaterThanOrEqualTo(5);
        long buyer = accounts.findByEmail("buyer@mercato.demo").orElseThrow().id();
        assertThat(count("SELECT balance_minor FROM payment.accounts WHERE kind = 'WALLET' AND owner_id = " + buyer))
                .isPositive();
        assertThat(count("SELECT count(*) FROM inventory.stock s WHERE s.on_hand > 0")).isGreaterThanOrEqualTo(seeded);

        // Pictures drawn on this machine, no outside host: every demo product has a gallery of stored images, and a
        // phone case costs what a phone case costs.
        assertThat(count("""
                SELECT count(*) FROM catalog.products p
                JOIN merchant.stores s ON s.id = p.store_id JOIN identity.accounts a ON a.id = s.owner_account_id
                WHERE a.email LIKE '%%@mercato.demo' AND p.id > %d AND NOT EXISTS (SELECT 1 FROM catalog.product_images i
                    WHERE i.product_id = p.id AND i.url LIKE '/media/%%')""".formatted(lastProductBefore)))
                .as("demo products without pictures").isZero();
        assertThat(count("""
                SELECT count(*) FROM catalog.product_images i JOIN catalog.products p ON p.id = i.product_id
                JOIN merchant.stores s ON s.id = p.store_id JOIN identity.accounts a ON a.id = s.owner_account_id
                WHERE a.email LIKE '%%@mercato.demo' AND p.id > %d AND i.url LIKE 'http%%'""".formatted(lastProductBefore)))
                .as("outside hosts").isZero();
        assertThat(count("SELECT count(*) FROM media.images")).isGreaterThanOrEqualTo(40);
        assertThat(count("""
                SELECT max(k.price_minor) FROM catalog.skus k JOIN catalog.products p ON p.id = k.product_id
                WHERE p.title LIKE '%手机壳'""")).as("the dearest phone case").isBetween(1_000L, 10_000L);
        assertThat(count("""
                SELECT min(k.price_minor) FROM catalog.skus k JOIN catalog.products p ON p.id = k.product_id
                WHERE p.title LIKE '%智能手机'""")).as("the cheapest smartphone").isGreaterThanOrEqualTo(99_900L);

        // Carriers, lanes, a hub, and a warehouse and template per demo store, before the first orders.
        DemoLogistics demoLogistics = new DemoLogistics(accounts, stores, logistics, transactions);
        demoLogistics.run(new DefaultApplicationArguments());
        long warehouses = count("SELECT count(*) FROM fulfillment.warehouses");
        demoLogistics.run(new DefaultApplicationArguments());
        assertThat(count("SELECT count(*) FROM fulfillment.warehouses")).as("once").isEqualTo(warehouses);
        assertThat(count("SELECT count(*) FROM fulfillment.templates t JOIN merchant.stores s ON s.id = t.store_id "
                + "JOIN identity.accounts a ON a.id = s.owner_account_id WHERE a.email LIKE '%@mercato.demo'"))
                .as("every demo seller's store ships").isGreaterThanOrEqualTo(5);

        // The demo buyer's first orders: most complete, so statements and the CMR report have fees to show.
        DemoTrades trades = new DemoTrades(accounts, stores, catalog, checkout, lifecycle, transactions);
        trades.run(new DefaultApplicationArguments());
        long orders = count("SELECT count(*) FROM ordering.orders WHERE buyer_id = " + buyer);
        trades.run(new DefaultApplicationArguments());
        assertThat(count("SELECT count(*) FROM ordering.orders WHERE buyer_id = " + buyer)).as("once").isEqualTo(orders);
        assertThat(count("SELECT count(*) FROM ordering.orders WHERE buyer_id = " + buyer + " AND status = 'COMPLETED'"))
                .isGreaterThanOrEqualTo(4);
        assertThat(count("SELECT count(*) FROM fulfillment.order_promises WHERE buyer_id = " + buyer))
                .as("the demo orders keep their promises").isEqualTo(orders);

        // The orders still waiting to ship are packed and tracked; the global one is consolidated at the hub.
        new DemoShipments(accounts, lifecycle, shipments, intake, demoLogistics, logistics, transactions, clock)
                .run(new DefaultApplicationArguments());
        assertThat(count("SELECT count(*) FROM fulfillment.parcels p JOIN fulfillment.tracking_events e ON e.parcel_id = p.id "
                + "WHERE p.buyer_id = " + buyer)).as("timelines on the demo orders").isGreaterThanOrEqualTo(8);
        assertThat(count("SELECT count(*) FROM fulfillment.parcels WHERE kind = 'CONSOLIDATED' AND buyer_id = " + buyer))
                .isEqualTo(1);
        long taobao = accounts.findByEmail("taobao@mercato.demo").orElseThrow().id();
        assertThat(count("SELECT coalesce(sum(amount_minor), 0) FROM billing.order_charges WHERE seller_id = " + taobao))
                .as("the Taobao seller paid software service fees").isPositive();
        assertThat(count("""
                SELECT count(*) FROM ads.campaigns c JOIN identity.accounts a ON a.id = c.seller_account_id
                WHERE a.email LIKE '%@mercato.demo' AND c.status = 'ACTIVE'""")).as("demo campaigns").isGreaterThanOrEqualTo(6);
        assertThat(count("""
                SELECT count(*) FROM payment.accounts p JOIN identity.accounts a ON a.id = p.owner_id
                WHERE p.kind = 'AD_ACCOUNT' AND a.email LIKE '%@mercato.demo' AND p.balance_minor > 0""")).isGreaterThanOrEqualTo(3);

        // Promotions to see at once: the Double 12 festival with its presale open, coupons, discounted prices.
        DemoPromotions demoPromotions = new DemoPromotions(accounts, stores, catalog, festivals, presales, promotions,
                vouchers, transactions, clock);
        demoPromotions.run(new DefaultApplicationArguments());
        demoPromotions.run(new DefaultApplicationArguments());
        assertThat(count("SELECT count(*) FROM pricing.festivals WHERE name_en = 'Double 12'")).as("once").isEqualTo(1);
        var festival = festivals.all(new io.mercato.platform.Actor(accounts.operators().getFirst().id(),
                io.mercato.platform.Role.OPERATOR)).stream().filter(f -> f.nameEn().equals("Double 12")).findFirst().orElseThrow();
        assertThat(festival.phase(clock.instant())).isEqualTo(io.mercato.pricing.Festivals.Phase.PRESALE);
        assertThat(festivals.enrolments(festival.id(), null)).hasSizeGreaterThanOrEqualTo(6);
        assertThat(presales.offers(festival.id(), null)).hasSize(1);
        assertThat(vouchers.claimable(null, clock.instant())).extracting(io.mercato.pricing.Vouchers.Pool::name)
                .anyMatch(name -> name.startsWith("Welcome voucher"));
        var discounted = jdbc.sql("SELECT sku_id FROM pricing.sku_promotions WHERE name IN ('Week deal 限时折扣', 'Flash sale 秒杀', '10 Billion Subsidy 百亿补贴')")
                .query(Long.class).list();
        assertThat(discounted).hasSizeGreaterThanOrEqualTo(3);
        assertThat(prices.displayPrices(discounted, null, clock.instant()).values())
                .as("a visitor sees the promotional prices").isNotEmpty()
                .allMatch(price -> price.price().minor() < price.list().minor());

        // Instant commerce: the Local store placed in Hangzhou, six riders on line around it, a funded neighbour.
        DemoInstant demoInstant = new DemoInstant(accounts, stores, localStores, riders, escrow, transactions);
        demoInstant.run(new DefaultApplicationArguments());
        demoInstant.run(new DefaultApplicationArguments());
        assertThat(localStores.all()).anyMatch(store -> store.location().equals(DemoInstant.STORE));
        var operator = new io.mercato.platform.Actor(accounts.operators().getFirst().id(), io.mercato.platform.Role.OPERATOR);
        assertThat(riders.all(operator).stream().filter(r -> r.name().startsWith("Wang Qiang")).count()).as("once").isEqualTo(1);
        assertThat(riders.all(operator)).filteredOn(io.mercato.instant.Rider::online).hasSizeGreaterThanOrEqualTo(6);
        assertThat(accounts.findByEmail("neighbour@mercato.demo")).isPresent();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
