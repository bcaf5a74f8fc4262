package io.mercato.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoApplication;
import io.mercato.MutableClock;
import io.mercato.TestClockConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Random sequences of what buyers, sellers and the platform's timers do, run against the real application,
 * with the money and stock invariants checked after every step: the ledger balances per currency, no account
 * but the provider's clearing account is negative, stock never goes negative or over-reserved, and the
 * sellers' escrow holds exactly the money of their paid-but-unsettled orders. Operations may be refused (409)
 * along the way; the invariants must hold either way. jqwik prints the seed of a failing run.
 */
class LedgerProperties {

    private static final Set<String> HOLDING_ESCROW = Set.of("PAID", "SHIPPED", "DELIVERED");

    /** One application for all tries, started on first use (jqwik does not run the Spring test extension). */
    static final class App {
        private static ConfigurableApplicationContext context;

        static synchronized ConfigurableApplicationContext get() {
            if (context == null) {
                context = new SpringApplicationBuilder(TestClockConfiguration.class, MercatoApplication.class)
                        .properties("mercato.data-dir=target/test-data/properties-" + UUID.randomUUID(),
                                "mercato.ordering.timers-enabled=false", "mercato.demo.enabled=false",
                                "mercato.identity.max-failures-per-address=40", "server.port=0")
                        .run();
            }
            return context;
        }

        static int port() {
            return Integer.parseInt(get().getEnvironment().getProperty("local.server.port"));
        }

        static synchronized void stop() {
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }

    @AfterContainer
    static void stopApplication() {
        App.stop();
    }

    @Property(tries = 30)
    void moneyAndStockStayConsistentWhateverHappens(@ForAll("marketActivity") ActionChain<Market> chain) {
        chain.withInvariant("ledger balances per currency", Market::trialBalanceIsZero)
                .withInvariant("no account but provider clearing is negative", Market::noNegativeAccounts)
                .withInvariant("stock is never negative or over-reserved", Market::stockIsSane)
                .withInvariant("escrow holds the money of paid, unsettled orders", Market::escrowMatchesOrders)
                .withInvariant("the test's money is all accounted for", Market::moneyIsConserved)
                .run();
    }

    @Provide
    Arbitrary<ActionChain<Market>> marketActivity() {
        return ActionChain.startWith(Market::new)
                .withAction(2, action("top up", m -> true, Market::topUp))
                .withAction(4, action("check out", m -> true, Market::checkout))
                .withAction(4, action("pay order", m -> m.any("AWAITING_PAYMENT"), Market::pay))
                .withAction(1, action("pay checkout", m -> m.any("AWAITING_PAYMENT"), Market::payCheckout))
                .withAction(2, action("cancel", m -> m.any("AWAITING_PAYMENT", "PAID"), Market::cancel))
                .withAction(3, action("ship", m -> m.any("PAID"), Market::ship))
                .withAction(3, action("mark delivered", m -> m.any("SHIPPED"), Market::markDelivered))
                .withAction(2, action("confirm receipt", m -> m.any("SHIPPED", "DELIVERED"), Market::confirm))
                .withAction(2, action("refund before shipment", m -> m.any("PAID"), Market::refundBeforeShipment))
                .withAction(3, action("request return", m -> m.any("DELIVERED"), Market::requestReturn))
                .withAction(2, action("approve return", m -> !m.requestedRefunds().isEmpty(), Market::approveReturn))
                .withAction(1, action("reject return", m -> !m.requestedRefunds().isEmpty(), Market::rejectReturn))
                .withAction(1, action("withdraw", m -> true, Market::withdraw))
                .withAction(1, action("set stock", m -> true, Market::setStock))
                .withAction(1, action("advance clock and run timers", m -> true, Market::advanceAndRunTimers))
                .withAction(1, action("any step on any order", m -> !m.orders.isEmpty(), Market::chaos))
                .withMaxTransformations(25);
    }

    /** An action that draws three random numbers, from which the step picks its buyer, order, amount and so on. */
    private static Action.Independent<Market> action(String name, Predicate<Market> precondition,
            BiConsumer<Market, List<Integer>> step) {
        return new Action.Independent<>() {
            @Override
            public boolean precondition(Market market) {
                return precondition.test(market);
            }

            @Override
            public Arbitrary<Transformer<Market>> transformer() {
                return Arbitraries.integers().between(0, 9_999).list().ofSize(3)
                        .map(random -> Transformer.mutate(name + " " + random, market -> {
                            step.accept(market, random);
                            market.refresh();
                        }));
            }
        };
    }

    record Account(String email, long id, Api api) {
    }

    record Shop(Account owner, long storeId, List<Long> skus) {
    }

    /** The accounts, stores and orders of one try, and what the application last said about them. */
    static final class Market {

        private final MarketFixture fixture;
        private final JdbcClient jdbc;
        private final MutableClock clock;
        private Api operator;
        private final List<Account> buyers = new ArrayList<>();
        private final List<Shop> shops = new ArrayList<>();
        /** The test's orders by id, as last read from the application. */
        final Map<Long, JsonNode> orders = new LinkedHashMap<>();
        /** Money that entered (top-ups) and left (withdrawals) the test's accounts through the provider. */
        private long toppedUp;
        private long withdrawn;

        Market() {
            ConfigurableApplicationContext context = App.get();
            fixture = new MarketFixture(App.port());
            jdbc = context.getBean(JdbcClient.class);
            clock = context.getBean(MutableClock.class);
            operator = fixture.operator();
            for (int i = 0; i < 2; i++) {
                Account buyer = register("BUYER");
                fixture.topUp(buyer.api(), 8_000);
                toppedUp += 8_000;
                buyers.add(buyer);
            }
            long category = fixture.category(550);
            for (String kind : List.of("TAOBAO", "TMALL")) {
                Account seller = register("SELLER");
                long storeId = fixture.openStore(seller.api(), kind);
                MarketFixture.Seller shop = new MarketFixture.Seller(seller.api(), storeId);
                List<Long> skus = new ArrayList<>();
                JsonNode product = fixture.listedProduct(shop, category, List.of(
                        new MarketFixture.SkuSpec(Map.of("colour", "red"), 1_999, 4),
                        new MarketFixture.SkuSpec(Map.of("colour", "blue"), 550, 3)));
                product.get("skus").forEach(sku -> skus.add(sku.get("id").asLong()));
                shops.add(new Shop(seller, storeId, skus));
            }
        }

        private Account register(String role) {
            String email = MarketFixture.uniqueEmail("prop-" + role.toLowerCase());
            Api.Response created = fixture.anonymous().post("/api/v1/accounts", Map.of("email", email, "password",
                    MarketFixture.PASSWORD, "displayName", role + " " + email, "role", role));
            assertThat(created.status()).as("register: %s", created).isEqualTo(201);
            return new Account(email, created.id(), fixture.login(email, MarketFixture.PASSWORD));
        }

        @Override
        public String toString() {
            return "Market" + orders.keySet();
        }

        // Steps

        void topUp(List<Integer> r) {
            Account buyer = buyers.get(r.get(0) % buyers.size());
            long amount = 500 + r.get(1) % 8_000;
            if (allowed(buyer.api().create("/api/v1/wallet/top-ups", Map.of("amountMinor", amount, "currency", "CNY")))
                    .status() == 201) {
                toppedUp += amount;
            }
        }

        void checkout(List<Integer> r) {
            Account buyer = buyers.get(r.get(0) % buyers.size());
            List<Long> all = shops.stream().flatMap(shop -> shop.skus().stream()).toList();
            List<Map<String, Object>> items = new ArrayList<>();
            items.add(Map.of("skuId", all.get(r.get(1) % all.size()), "quantity", 1 + r.get(2) % 3));
            if (r.get(2) % 2 == 0) {
                items.add(Map.of("skuId", all.get((r.get(1) / 7) % all.size()), "quantity", 1 + r.get(0) % 2));
            }
            Api.Response placed = allowed(buyer.api().create("/api/v1/checkouts",
                    Map.of("address", MarketFixture.ADDRESS, "items", items)));
            if (placed.status() == 201) {
                placed.json().get("orders").forEach(order -> orders.put(order.get("id").asLong(), order));
            }
        }

        void pay(List<Integer> r) {
            JsonNode order = pick(r.get(0), "AWAITING_PAYMENT");
            allowed(buyerOf(order).create("/api/v1/orders/" + id(order) + "/payment", null));
        }

        void payCheckout(List<Integer> r) {
            JsonNode order = pick(r.get(0), "AWAITING_PAYMENT");
            allowed(buyerOf(order).create("/api/v1/checkouts/" + order.get("checkoutId").asLong() + "/payment", null));
        }

        void cancel(List<Integer> r) {
            JsonNode order = pick(r.get(0), "AWAITING_PAYMENT", "PAID");
            allowed(buyerOf(order).create("/api/v1/orders/" + id(order) + "/cancellation", Map.of("reason", "random")));
        }

        void ship(List<Integer> r) {
            JsonNode order = pick(r.get(0), "PAID");
            allowed(sellerOf(order).post("/api/v1/orders/" + id(order) + "/shipment",
                    Map.of("carrier", "SF Express", "trackingNumber", "SF" + (100_000 + r.get(1)))));
        }

        void markDelivered(List<Integer> r) {
            JsonNode order = pick(r.get(0), "SHIPPED");
            allowed(sellerOf(order).post("/api/v1/orders/" + id(order) + "/delivery", null));
        }

        void confirm(List<Integer> r) {
            JsonNode order = pick(r.get(0), "SHIPPED", "DELIVERED");
            allowed(buyerOf(order).post("/api/v1/orders/" + id(order) + "/receipt-confirmation", null));
        }

        void refundBeforeShipment(List<Integer> r) {
            JsonNode order = pick(r.get(0), "PAID");
            allowed(buyerOf(order).create("/api/v1/orders/" + id(order) + "/refunds", refundRequest(order, r)));
        }

        void requestReturn(List<Integer> r) {
            JsonNode order = pick(r.get(0), "DELIVERED");
            allowed(buyerOf(order).create("/api/v1/orders/" + id(order) + "/refunds", refundRequest(order, r)));
        }

        /** All remaining lines, or some units of one line (possibly more than are left, which is a 409). */
        private static Map<String, Object> refundRequest(JsonNode order, List<Integer> r) {
            if (r.get(1) % 2 == 0) {
                return Map.of("reason", "does not fit");
            }
            JsonNode lines = order.get("lines");
            JsonNode line = lines.get(r.get(2) % lines.size());
            return Map.of("reason", "one is broken",
                    "items", List.of(Map.of("lineId", line.get("id").asLong(), "quantity", 1 + r.get(2) % 2)));
        }

        void approveReturn(List<Integer> r) {
            List<JsonNode[]> refunds = requestedRefunds();
            JsonNode[] pair = refunds.get(r.get(0) % refunds.size());
            allowed(sellerOf(pair[0]).create("/api/v1/refunds/" + pair[1].get("id").asLong() + "/approval",
                    Map.of("note", "fine")));
        }

        void rejectReturn(List<Integer> r) {
            List<JsonNode[]> refunds = requestedRefunds();
            JsonNode[] pair = refunds.get(r.get(0) % refunds.size());
            allowed(sellerOf(pair[0]).create("/api/v1/refunds/" + pair[1].get("id").asLong() + "/rejection",
                    Map.of("note", "it was used")));
        }

        void withdraw(List<Integer> r) {
            Shop shop = shops.get(r.get(0) % shops.size());
            long balance = fixture.sellerBalance(shop.owner().api(), "MERCHANT");
            long amount = 1 + r.get(1) % (balance + 50);
            if (allowed(shop.owner().api().create("/api/v1/merchant/withdrawals",
                    Map.of("amountMinor", amount, "currency", "CNY"))).status() == 201) {
                withdrawn += amount;
            }
        }

        void setStock(List<Integer> r) {
            Shop shop = shops.get(r.get(0) % shops.size());
            long sku = shop.skus().get(r.get(1) % shop.skus().size());
            allowed(shop.owner().api().put("/api/v1/skus/" + sku + "/stock", Map.of("onHand", r.get(2) % 8)));
        }

        void advanceAndRunTimers(List<Integer> r) {
            List<Duration> steps = List.of(Duration.ofMinutes(31), Duration.ofHours(49), Duration.ofDays(7).plusMinutes(1),
                    Duration.ofHours(1));
            clock.advance(steps.get(r.get(0) % steps.size()));
            // Sessions expire with the clock, so everyone logs in again.
            operator = fixture.operator();
            buyers.replaceAll(buyer -> new Account(buyer.email(), buyer.id(),
                    fixture.login(buyer.email(), MarketFixture.PASSWORD)));
            shops.replaceAll(shop -> new Shop(new Account(shop.owner().email(), shop.owner().id(),
                    fixture.login(shop.owner().email(), MarketFixture.PASSWORD)), shop.storeId(), shop.skus()));
            Api.Response ran = operator.create("/api/v1/operator/order-timers", null);
            assertThat(ran.status()).as("timers: %s", ran).isEqualTo(200);
        }

        /** A lifecycle step on any order whatever its status: legal ones succeed, the rest are 409s. */
        void chaos(List<Integer> r) {
            List<JsonNode> all = new ArrayList<>(orders.values());
            JsonNode order = all.get(r.get(0) % all.size());
            String path = "/api/v1/orders/" + id(order);
            switch (r.get(1) % 6) {
                case 0 -> allowed(buyerOf(order).create(path + "/payment", null));
                case 1 -> allowed(buyerOf(order).create(path + "/cancellation", null));
                case 2 -> allowed(sellerOf(order).create(path + "/shipment", Map.of("carrier", "EMS",
                        "trackingNumber", "EMS123456")));
                case 3 -> allowed(sellerOf(order).create(path + "/delivery", null));
                case 4 -> allowed(buyerOf(order).create(path + "/receipt-confirmation", null));
                default -> allowed(buyerOf(order).create(path + "/refunds", Map.of("reason", "any")));
            }
        }

        // Reading the application's state

        boolean any(String... statuses) {
            return orders.values().stream().anyMatch(order -> Set.of(statuses).contains(status(order)));
        }

        List<JsonNode[]> requestedRefunds() {
            List<JsonNode[]> requested = new ArrayList<>();
            for (JsonNode order : orders.values()) {
                JsonNode refunds = order.get("refunds");
                if (refunds != null) {
                    refunds.forEach(refund -> {
                        if (refund.get("status").asString().equals("REQUESTED")) {
                            requested.add(new JsonNode[] {order, refund});
                        }
                    });
                }
            }
            return requested;
        }

        private JsonNode pick(int random, String... statuses) {
            List<JsonNode> matching = orders.values().stream().filter(order -> Set.of(statuses).contains(status(order)))
                    .toList();
            return matching.get(random % matching.size());
        }

        /** Reads every order of the test's stores afresh (timers and refunds change them too). */
        void refresh() {
            for (Shop shop : shops) {
                Api.Response list = shop.owner().api().get("/api/v1/orders?size=100");
                assertThat(list.status()).as("orders: %s", list).isEqualTo(200);
                list.json().forEach(order -> orders.put(id(order), order));
            }
        }

        private static long id(JsonNode order) {
            return order.get("id").asLong();
        }

        private static String status(JsonNode order) {
            return order.get("status").asString();
        }

        private Api buyerOf(JsonNode order) {
            long buyerId = order.get("buyerAccountId").asLong();
            return buyers.stream().filter(buyer -> buyer.id() == buyerId).findFirst().orElseThrow().api();
        }

        private Api sellerOf(JsonNode order) {
            long storeId = order.get("storeId").asLong();
            return shops.stream().filter(shop -> shop.storeId() == storeId).findFirst().orElseThrow().owner().api();
        }

        /** A step may succeed or be refused as a conflict; anything else (a 500, a 400 on valid input) is a bug. */
        private static Api.Response allowed(Api.Response response) {
            assertThat(response.status()).as("%s", response).isIn(200, 201, 409);
            if (response.status() == 409) {
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
            return response;
        }

        // Invariants

        void trialBalanceIsZero() {
            Api.Response balance = operator.get("/api/v1/operator/ledger/trial-balance");
            assertThat(balance.status()).as("%s", balance).isEqualTo(200);
            balance.json().properties().forEach(entry ->
                    assertThat(entry.getValue().asLong()).as("trial balance in %s", entry.getKey()).isZero());
        }

        void noNegativeAccounts() {
            List<String> negative = jdbc.sql("""
                    SELECT kind || ':' || owner_id || ':' || currency || '=' || balance_minor FROM payment.accounts
                    WHERE kind <> 'PROVIDER_CLEARING' AND balance_minor < 0""").query(String.class).list();
            assertThat(negative).as("negative accounts").isEmpty();
            for (Account buyer : buyers) {
                assertThat(fixture.walletBalance(buyer.api())).isNotNegative();
            }
            for (Shop shop : shops) {
                assertThat(fixture.sellerBalance(shop.owner().api(), "MERCHANT")).isNotNegative();
            }
        }

        void stockIsSane() {
            List<String> broken = jdbc.sql("""
                    SELECT sku_id || ': on hand ' || on_hand || ', reserved ' || reserved FROM inventory.stock
                    WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand""").query(String.class).list();
            assertThat(broken).as("broken stock records").isEmpty();
            String skus = shops.stream().flatMap(shop -> shop.skus().stream()).map(sku -> "sku=" + sku)
                    .reduce((a, b) -> a + "&" + b).orElseThrow();
            fixture.anonymous().get("/api/v1/products/availability?" + skus).json()
                    .forEach(stock -> assertThat(stock.get("available").asLong()).as("available of %s", stock).isNotNegative());
        }

        /** What came in is in wallets, escrow, merchant balances, paid out, or the platform's fees on these orders. */
        void moneyIsConserved() {
            long wallets = buyers.stream().mapToLong(buyer -> fixture.walletBalance(buyer.api())).sum();
            long merchants = shops.stream().mapToLong(shop -> fixture.sellerBalance(shop.owner().api(), "ESCROW")
                    + fixture.sellerBalance(shop.owner().api(), "MERCHANT")).sum();
            long fees = orders.values().stream().filter(order -> status(order).equals("COMPLETED"))
                    .mapToLong(order -> order.get("feeMinor").asLong()).sum();
            assertThat(wallets + merchants + withdrawn + fees).as("wallets %s + merchants %s + withdrawn %s + fees %s",
                    wallets, merchants, withdrawn, fees).isEqualTo(toppedUp);
        }

        void escrowMatchesOrders() {
            long held = shops.stream().mapToLong(shop -> fixture.sellerBalance(shop.owner().api(), "ESCROW")).sum();
            long owed = orders.values().stream().filter(order -> HOLDING_ESCROW.contains(status(order)))
                    .mapToLong(order -> order.get("totalMinor").asLong() - order.get("refundedMinor").asLong()).sum();
            assertThat(held).as("escrow of the test's sellers vs. their paid, unsettled orders %s", orders.keySet())
                    .isEqualTo(owed);
        }
    }
}
