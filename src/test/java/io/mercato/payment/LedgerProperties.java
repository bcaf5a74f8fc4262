package io.mercato.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mercato.ActionChain;
import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Random sequences of what buyers, sellers and the platform's timers do, run against the real application,
 * with the money and stock invariants checked after every step: the ledger balances per currency, no account
 * but the provider's clearing account is negative, stock never goes negative or over-reserved, the sellers'
 * escrow holds exactly the money of their paid-but-unsettled orders, and every fen the test put in is
 * accounted for (merchant debt counted against the merchant). Returns after completion come out of the merchant's
 * balance, and what it cannot cover becomes a debt that later settlements pay first. Operations may be refused
 * (409) along the way; the invariants must hold either way. A failure
 * names its seed; {@code -Dmercato.seed=<seed>} replays that chain (see {@link ActionChain}).
 *
 * <p>The mutation checks at the end run the same chains with one deliberately wrong step and show that the
 * invariants catch it, so a property that silently stopped checking anything would fail the build.
 */
@MercatoTest
class LedgerProperties {

    private static final Set<String> HOLDING_ESCROW = Set.of("PAID", "SHIPPED", "DELIVERED");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void moneyAndStockStayConsistentWhateverHappens() {
        marketActivity().check();
    }

    @Test
    void theLedgerInvariantCatchesAWalletCreditedWithoutAPosting() {
        ActionChain<Market> corrupting = marketActivity()
                .withAction(8, "credit a wallet outside the ledger", m -> true, Market::creditAWalletOutsideTheLedger)
                .withCleanup(Market::undoCorruption);

        assertThatThrownBy(corrupting::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed: invariant 'ledger balances per currency'")
                .hasMessageMatching("(?s).*Seed -?\\d+: replay this try with -Dmercato.seed=-?\\d+.*")
                .hasMessageContaining("Shortest failing chain found (1 step")
                .hasMessageContaining(" 1. credit a wallet outside the ledger [");
        assertThat(jdbc.sql("SELECT coalesce(sum(balance_minor), 0) FROM payment.account_balances WHERE currency = 'CNY'")
                .query(Long.class).single()).as("the corruption was undone for the tests that follow").isZero();
    }

    @Test
    void theConservationInvariantCatchesATopUpTheModelForgot() {
        ActionChain<Market> forgetful = marketActivity()
                .withAction(8, "top up without counting it", m -> true, step(Market::topUpWithoutCountingIt));

        assertThatThrownBy(forgetful::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed: invariant 'the test's money is all accounted for'")
                .hasMessageContaining("Shortest failing chain found (1 step")
                .hasMessageContaining(" 1. top up without counting it [");
    }

    /** 30 chains of 25 steps, as many as this property has run since it was written. */
    private ActionChain<Market> marketActivity() {
        return ActionChain.startWith(() -> new Market(new MarketFixture(port), jdbc, clock))
                .withAction(2, "top up", m -> true, step(Market::topUp))
                .withAction(4, "check out", m -> true, step(Market::checkout))
                .withAction(4, "pay order", m -> m.any("AWAITING_PAYMENT"), step(Market::pay))
                .withAction(1, "pay checkout", m -> m.any("AWAITING_PAYMENT"), step(Market::payCheckout))
                .withAction(2, "cancel", m -> m.any("AWAITING_PAYMENT", "PAID"), step(Market::cancel))
                .withAction(3, "ship", m -> m.any("PAID"), step(Market::ship))
                .withAction(3, "mark delivered", m -> m.any("SHIPPED"), step(Market::markDelivered))
                .withAction(2, "confirm receipt", m -> m.any("SHIPPED", "DELIVERED"), step(Market::confirm))
                .withAction(2, "refund before shipment", m -> m.any("PAID"), step(Market::refundBeforeShipment))
                .withAction(3, "request return", m -> m.any("DELIVERED"), step(Market::requestReturn))
                .withAction(2, "return after completion", m -> m.any("COMPLETED"), step(Market::returnAfterCompletion))
                .withAction(2, "approve return", m -> !m.requestedRefunds().isEmpty(), step(Market::approveReturn))
                .withAction(1, "reject return", m -> !m.requestedRefunds().isEmpty(), step(Market::rejectReturn))
                .withAction(1, "withdraw", m -> true, step(Market::withdraw))
                .withAction(1, "set stock", m -> true, step(Market::setStock))
                .withAction(1, "advance clock and run timers", m -> true, step(Market::advanceAndRunTimers))
                .withAction(1, "any step on any order", m -> !m.orders.isEmpty(), step(Market::chaos))
                .withInvariant("ledger balances per currency", Market::trialBalanceIsZero)
                .withInvariant("no account but provider clearing, FX clearing, merchant debt and subsidy spend is negative", Market::noNegativeAccounts)
                .withInvariant("stock is never negative or over-reserved", Market::stockIsSane)
                .withInvariant("escrow holds the money of paid, unsettled orders", Market::escrowMatchesOrders)
                .withInvariant("the test's money is all accounted for", Market::moneyIsConserved)
                .withTries(30)
                .withSteps(25);
    }

    /** A step followed by reading back what the application now says (timers and refunds change orders too). */
    private static BiConsumer<Market, List<Integer>> step(BiConsumer<Market, List<Integer>> step) {
        return (market, random) -> {
            step.accept(market, random);
            market.refresh();
        };
    }

    record Account(String email, long id, Api api) {
    }

    record Shop(Account owner, long storeId, List<Long> skus) {
    }

    /**
     * The accounts, stores and orders of one try, and what the application last said about them. Everything the
     * invariants look at is read once after each step, into {@link Snapshot}, so five invariants cost one round
     * of requests.
     */
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
        /** Wallets credited outside the ledger by the corrupting mutant, to be put right afterwards. */
        private final List<Long> corrupted = new ArrayList<>();
        private Snapshot now;

        Market(MarketFixture fixture, JdbcClient jdbc, MutableClock clock) {
            this.fixture = fixture;
            this.jdbc = jdbc;
            this.clock = clock;
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
            refresh();
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

        /** A return of a completed order, within the window after delivery (a 409 once it closed). */
        void returnAfterCompletion(List<Integer> r) {
            JsonNode order = pick(r.get(0), "COMPLETED");
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

            // Mutants: deliberately wrong steps with which the mutation checks show that the invariants can fail

        /** Tops a wallet up like {@link #topUp} but forgets to count the money: the model no longer matches. */
        void topUpWithoutCountingIt(List<Integer> r) {
            Account buyer = buyers.get(r.get(0) % buyers.size());
            allowed(buyer.api().create("/api/v1/wallet/top-ups", Map.of("amountMinor", 500 + r.get(1) % 8_000,
                    "currency", "CNY")));
        }

        /** Credits one fen to a buyer's wallet with no posting, as a wrong UPDATE in the ledger would. */
        void creditAWalletOutsideTheLedger(List<Integer> r) {
            Account buyer = buyers.get(r.get(0) % buyers.size());
            int updated = jdbc.sql("""
                    UPDATE payment.accounts SET balance_minor = balance_minor + 1
                    WHERE kind = 'WALLET' AND owner_id = ? AND currency = 'CNY'""").param(buyer.id()).update();
            assertThat(updated).as("wallet of buyer %s", buyer.id()).isEqualTo(1);
            corrupted.add(buyer.id());
            refresh();
        }

        /**
         * Takes back the fen of every corrupting step. A chain stops at the first broken invariant, which is the
         * step right after a corruption, so the wallet still holds that fen.
         */
        void undoCorruption() {
            for (long buyer : corrupted) {
                jdbc.sql("""
                        UPDATE payment.accounts SET balance_minor = balance_minor - 1
                        WHERE kind = 'WALLET' AND owner_id = ? AND currency = 'CNY'""").param(buyer).update();
            }
            corrupted.clear();
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

        /** Reads every order of the test's stores afresh, and everything the invariants look at. */
        void refresh() {
            for (Shop shop : shops) {
                Api.Response list = shop.owner().api().get("/api/v1/orders?size=100");
                assertThat(list.status()).as("orders: %s", list).isEqualTo(200);
                list.json().forEach(order -> orders.put(id(order), order));
            }
            now = Snapshot.read(this);
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

        // Invariants, on what the application said after the last step

        void trialBalanceIsZero() {
            now.trialBalance().forEach((currency, sum) -> assertThat(sum).as("trial balance in %s", currency).isZero());
        }

        void noNegativeAccounts() {
            assertThat(now.negativeAccounts()).as("negative accounts").isEmpty();
            now.wallets().forEach((buyer, balance) -> assertThat(balance).as("wallet of buyer %s", buyer).isNotNegative());
            now.merchantBalances().forEach((storeId, balances) -> assertThat(balances.getOrDefault("MERCHANT", 0L))
                    .as("merchant balance of the owner of store %s", storeId).isNotNegative());
        }

        void stockIsSane() {
            assertThat(now.brokenStock()).as("broken stock records").isEmpty();
            now.availability().forEach(stock -> assertThat(stock.get("available").asLong())
                    .as("available of %s", stock).isNotNegative());
        }

        /** What came in is in wallets, escrow, merchant balances, paid out, or the platform's fees on these orders. */
        void moneyIsConserved() {
            long wallets = now.wallets().values().stream().mapToLong(Long::longValue).sum();
            long merchants = now.merchantBalances().values().stream()
                    .mapToLong(balances -> balances.getOrDefault("ESCROW", 0L) + balances.getOrDefault("MERCHANT", 0L)
                            + balances.getOrDefault("MERCHANT_DEBT", 0L)).sum();
            // What the platform keeps of each settled order: its fee less what refunds after settlement gave back.
            long fees = orders.values().stream()
                    .filter(order -> order.get("feeMinor") != null && !order.get("feeMinor").isNull())
                    .mapToLong(order -> order.get("feeMinor").asLong()).sum();
            assertThat(wallets + merchants + withdrawn + fees).as("wallets %s + merchants %s + withdrawn %s + fees %s",
                    wallets, merchants, withdrawn, fees).isEqualTo(toppedUp);
        }

        void escrowMatchesOrders() {
            long held = now.merchantBalances().values().stream().mapToLong(balances -> balances.getOrDefault("ESCROW", 0L))
                    .sum();
            long owed = orders.values().stream().filter(order -> HOLDING_ESCROW.contains(status(order)))
                    .mapToLong(order -> order.get("totalMinor").asLong() - order.get("refundedMinor").asLong()).sum();
            assertThat(held).as("escrow of the test's sellers vs. their paid, unsettled orders %s", orders.keySet())
                    .isEqualTo(owed);
        }
    }

    /**
     * What the invariants look at, read in one round after a step: the whole ledger's trial balance, the ledger's
     * and inventory's rule-breaking rows (over all accounts and SKUs, not just the test's), and the test's
     * buyers' wallets, sellers' balances by kind and SKUs' availability.
     */
    record Snapshot(Map<String, Long> trialBalance, List<String> negativeAccounts, Map<Long, Long> wallets,
            Map<Long, Map<String, Long>> merchantBalances, List<String> brokenStock, List<JsonNode> availability) {

        static Snapshot read(Market market) {
            Api.Response balance = market.operator.get("/api/v1/operator/ledger/trial-balance");
            assertThat(balance.status()).as("%s", balance).isEqualTo(200);
            Map<String, Long> trialBalance = new HashMap<>();
            balance.json().properties().forEach(entry -> trialBalance.put(entry.getKey(), entry.getValue().asLong()));
            List<String> negative = market.jdbc.sql("""
                    SELECT kind || ':' || owner_id || ':' || currency || '=' || balance_minor FROM payment.account_balances
                    WHERE (kind NOT IN ('PROVIDER_CLEARING', 'FX_CLEARING', 'MERCHANT_DEBT', 'SUBSIDY', 'DELIVERY_REVENUE') AND balance_minor < 0)
                       OR (kind IN ('MERCHANT_DEBT', 'SUBSIDY') AND balance_minor > 0)""").query(String.class).list();
            Map<Long, Long> wallets = new LinkedHashMap<>();
            market.buyers.forEach(buyer -> wallets.put(buyer.id(), market.fixture.walletBalance(buyer.api())));
            Map<Long, Map<String, Long>> merchants = new LinkedHashMap<>();
            market.shops.forEach(shop -> merchants.put(shop.storeId(), market.fixture.sellerBalances(shop.owner().api())));
            List<String> broken = market.jdbc.sql("""
                    SELECT sku_id || ': on hand ' || on_hand || ', reserved ' || reserved FROM inventory.stock
                    WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand""").query(String.class).list();
            String skus = market.shops.stream().flatMap(shop -> shop.skus().stream()).map(sku -> "sku=" + sku)
                    .reduce((a, b) -> a + "&" + b).orElseThrow();
            Api.Response available = market.fixture.anonymous().get("/api/v1/products/availability?" + skus);
            assertThat(available.status()).as("availability: %s", available).isEqualTo(200);
            List<JsonNode> availability = new ArrayList<>();
            available.json().forEach(availability::add);
            return new Snapshot(trialBalance, negative, wallets, merchants, broken, availability);
        }
    }
}
