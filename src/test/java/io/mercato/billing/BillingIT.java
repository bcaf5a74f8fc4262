package io.mercato.billing;

import static io.mercato.billing.BillingFixture.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The fee engine end to end: versions by payment date, fees reversed on refunds before and after completion,
 * merchant debt paid first by later settlements, rebates, statements reconciling with the ledger, wholesale
 * memberships and the CMR report. Rules these tests add name their own store (or a currency no other test
 * trades in), so the platform's shared rules stay as every other test expects them.
 */
@MercatoTest
class BillingIT {

    private static final ZoneId MARKET = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    final BillingFixture market = new BillingFixture();

    private long sku(Seller seller, long categoryId, long priceMinor) {
        return market.listedSku(seller, categoryId, priceMinor, 100);
    }

    private JsonNode addRule(Map<String, Object> rule) {
        return market.post(market.operator(), "/api/v1/operator/billing/fee-rules", rule, 201);
    }

    @Test
    void anOrderPaysTheRuleInForceWhenItWasPaid() {
        Seller seller = market.seller("TAOBAO");
        long sku = sku(seller, market.category(0), 10_000);
        Api buyer = market.buyer(100_000);
        Instant now = market.clock().instant();
        addRule(Map.of("kind", "SERVICE_FEE", "storeId", seller.storeId(), "rateBasisPoints", 100,
                "effectiveFrom", now.plus(Duration.ofHours(1)).toString(), "note", "raised for this store"));

        long paidBefore = market.paidOrder(buyer, sku, 1);
        market.clock().advance(Duration.ofHours(2));
        long paidAfter = market.paidOrder(buyer, sku, 1);
        market.complete(buyer, seller.api(), paidBefore);
        market.complete(buyer, seller.api(), paidAfter);

        assertThat(market.settledFee(seller.api(), paidBefore)).as("paid under 0.6%, completed under 1%").isEqualTo(60);
        assertThat(market.settledFee(seller.api(), paidAfter)).as("paid under 1%").isEqualTo(100);
        JsonNode charges = seller.api().get("/api/v1/billing/orders/" + paidBefore + "/charges").json();
        assertThat(charges).hasSize(1);
        assertThat(charges.get(0).get("ruleKind").asString()).isEqualTo("SERVICE_FEE");
        assertThat(charges.get(0).get("rateBasisPoints").asInt()).isEqualTo(60);
        assertThat(charges.get(0).get("amountMinor").asLong()).isEqualTo(60);
    }

    @Test
    void aTmallCategoryCommissionCanBeOverriddenFromADate() {
        Seller seller = market.seller("TMALL");
        long category = market.category(500);
        long sku = sku(seller, category, 10_000);
        Api buyer = market.buyer(100_000);
        long before = market.paidOrder(buyer, sku, 1);
        market.clock().advance(Duration.ofSeconds(5));
        addRule(Map.of("kind", "COMMISSION", "categoryId", category, "storeId", seller.storeId(), "rateBasisPoints", 200));
        long after = market.paidOrder(buyer, sku, 1);
        market.complete(buyer, seller.api(), before);
        market.complete(buyer, seller.api(), after);
        assertThat(market.settledFee(seller.api(), before)).as("the category's 5%").isEqualTo(500);
        assertThat(market.settledFee(seller.api(), after)).as("the override's 2%").isEqualTo(200);
    }

    @Test
    void aRefundBeforeCompletionLeavesTheFeeOnWhatWasKept() {
        Seller seller = market.seller("TAOBAO");
        long sku = sku(seller, market.category(0), 10_000);
        Api buyer = market.buyer(100_000);
        long orderId = market.paidOrder(buyer, sku, 3);
        long line = market.lineId(buyer, orderId);
        market.ship(seller.api(), orderId);
        market.deliver(seller.api(), orderId);
        market.approve(seller.api(), market.requestRefund(buyer, orderId, line, 1));
        market.confirm(buyer, orderId);
        // 0.6% of the 20000 kept.
        assertThat(market.settledFee(seller.api(), orderId)).isEqualTo(120);
    }

    @Test
    void aReturnAfterCompletionComesFromTheMerchantWithTheFeeReversedProRata() {
        Seller seller = market.seller("TAOBAO");
        long sku = sku(seller, market.category(0), 10_000);
        Api buyer = market.buyer(100_000);
        long sellerId = market.idOf(seller.api());
        long buyerId = market.idOf(buyer);
        long orderId = market.paidOrder(buyer, sku, 2);
        market.complete(buyer, seller.api(), orderId);
        assertThat(market.settledFee(seller.api(), orderId)).isEqualTo(120);
        long walletBefore = market.walletBalance(buyer);

        long refundId = market.requestRefund(buyer, orderId, market.lineId(buyer, orderId), 1);
        market.approve(seller.api(), refundId);

        JsonNode refund = market.posting(seller.api(), orderId, "REFUND_AFTER_SETTLEMENT");
        assertThat(entry(refund, "WALLET", buyerId)).isEqualTo(10_000);
        assertThat(entry(refund, "FEE_REVENUE", 0)).as("half the fee back").isEqualTo(-60);
        assertThat(entry(refund, "MERCHANT", sellerId)).isEqualTo(-9_940);
        assertThat(market.walletBalance(buyer)).isEqualTo(walletBefore + 10_000);
        assertThat(market.balances(seller.api(), "CNY")).containsEntry("MERCHANT", 19_880L - 9_940);

        // The rest: the order is refunded in full, the whole fee given back.
        market.approve(seller.api(), market.requestRefund(buyer, orderId, null, 0));
        assertThat(buyer.get("/api/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(market.balances(seller.api(), "CNY")).containsEntry("MERCHANT", 0L);
        long feesKept = market.postings(seller.api(), orderId).stream().mapToLong(p -> entry(p, "FEE_REVENUE", 0)).sum();
        assertThat(feesKept).isZero();
        long charged = 0;
        for (JsonNode charge : seller.api().get("/api/v1/billing/orders/" + orderId + "/charges").json()) {
            charged += charge.get("amountMinor").asLong();
        }
        assertThat(charged).as("billing's charges match the ledger").isZero();
    }

    @Test
    void aReturnAfterCompletionTheSellerLeavesAloneIsApprovedByThePlatformAfter48Hours() {
        Seller seller = market.seller("TAOBAO");
        long sku = sku(seller, market.category(0), 10_000);
        Api buyer = market.buyer(100_000);
        long orderId = market.paidOrder(buyer, sku, 1);
        market.complete(buyer, seller.api(), orderId);
        market.requestRefund(buyer, orderId, null, 0);
        String buyerEmail = buyer.get("/api/v1/me").json().get("email").asString();
        market.clock().advance(Duration.ofHours(49));
        assertThat(market.operator().post("/api/v1/operator/order-timers", null).status()).isEqualTo(200);
        Api again = market.login(buyerEmail, io.mercato.MarketFixture.PASSWORD);
        JsonNode order = again.get("/api/v1/orders/" + orderId).json();
        assertThat(order.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(order.get("feeMinor").asLong()).as("the whole fee given back").isZero();
        assertThat(entry(market.posting(again, orderId, "REFUND_AFTER_SETTLEMENT"), "FEE_REVENUE", 0)).isEqualTo(-60);
    }

    @Test
    void aReturnAfterTheWindowClosedIsRefused() {
        Seller seller = market.seller("TAOBAO");
        long sku = sku(seller, market.category(0), 10_000);
        Api buyer = market.buyer(100_000);
        long orderId = market.paidOrder(buyer, sku, 1);
        market.complete(buyer, seller.api(), orderId);
        String buyerEmail = buyer.get("/api/v1/me").json().get("email").asString();
        market.clock().advance(Duration.ofDays(7).plusMinutes(1));
        Api again = market.login(buyerEmail, io.mercato.MarketFixture.PASSWORD);
        Api.Response refused = again.post("/api/v1/orders/" + orderId + "/refunds", Map.of("reason", "too late"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("returns closed");
    }

    @Test
    void aReturnTheBalanceCannotCoverIsADebtTheNextSettlementPaysFirst() {
        Seller seller = market.seller("TAOBAO");
        long sku = sku(seller, market.category(0), 10_000);
        Api buyer = market.buyer(100_000);
        long sellerId = market.idOf(seller.api());
        long first = market.paidOrder(buyer, sku, 1);
        market.complete(buyer, seller.api(), first);
        market.post(seller.api(), "/api/v1/merchant/withdrawals", Map.of("amountMinor", 9_940, "currency", "CNY"), 201);
        assertThat(market.balances(seller.api(), "CNY")).containsEntry("MERCHANT", 0L);

        market.approve(seller.api(), market.requestRefund(buyer, first, null, 0));
        JsonNode refund = market.posting(seller.api(), first, "REFUND_AFTER_SETTLEMENT");
        assertThat(entry(refund, "MERCHANT_DEBT", sellerId)).isEqualTo(-9_940);
        assertThat(entry(refund, "FEE_REVENUE", 0)).isEqualTo(-60);
        assertThat(market.balances(seller.api(), "CNY")).containsEntry("MERCHANT_DEBT", -9_940L);

        // The next sale (2 × 10000, fee 120) pays the 9940 owed first; the rest reaches the balance.
        long second = market.paidOrder(buyer, sku, 2);
        market.complete(buyer, seller.api(), second);
        JsonNode settlement = market.posting(seller.api(), second, "SETTLEMENT");
        assertThat(entry(settlement, "MERCHANT_DEBT", sellerId)).isEqualTo(9_940);
        assertThat(entry(settlement, "MERCHANT", sellerId)).isEqualTo(19_880 - 9_940);
        assertThat(market.balances(seller.api(), "CNY")).containsEntry("MERCHANT_DEBT", 0L)
                .containsEntry("MERCHANT", 9_940L);
        Api.Response trial = market.operator().get("/api/v1/operator/ledger/trial-balance");
        trial.json().properties().forEach(currency -> assertThat(currency.getValue().asLong()).as(currency.getKey()).isZero());
    }

    @Test
    void concurrentSettlementsRepayADebtOnce() throws Exception {
        Seller seller = market.seller("TAOBAO");
        long sku = sku(seller, market.category(0), 10_000);
        Api buyer = market.buyer(200_000);
        long first = market.paidOrder(buyer, sku, 1);
        market.complete(buyer, seller.api(), first);
        market.post(seller.api(), "/api/v1/merchant/withdrawals", Map.of("amountMinor", 9_940, "currency", "CNY"), 201);
        market.approve(seller.api(), market.requestRefund(buyer, first, null, 0));
        assertThat(market.balances(seller.api(), "CNY")).containsEntry("MERCHANT_DEBT", -9_940L);

        List<Long> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long orderId = market.paidOrder(buyer, sku, 1);
            market.ship(seller.api(), orderId);
            market.deliver(seller.api(), orderId);
            orders.add(orderId);
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Integer>> confirmed = new java.util.ArrayList<>();
            for (long orderId : orders) {
                confirmed.add(pool.submit(() -> buyer.post("/api/v1/orders/" + orderId + "/receipt-confirmation", null)
                        .status()));
            }
            for (var status : confirmed) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        // Four nets of 9940: one pays the debt, three reach the balance.
        assertThat(market.balances(seller.api(), "CNY")).containsEntry("MERCHANT_DEBT", 0L)
                .containsEntry("MERCHANT", 3 * 9_940L);
        long repaid = orders.stream().mapToLong(orderId -> entry(market.posting(seller.api(), orderId, "SETTLEMENT"),
                "MERCHANT_DEBT", market.idOf(seller.api()))).sum();
        assertThat(repaid).isEqualTo(9_940);
    }

    @Test
    void newMerchantRebatesGiveFeesBackUpToTheirCap() {
        // HKD: no other test trades in it, so this programme touches only this test's store.
        Seller seller = market.seller("TAOBAO", "HKD");
        long sku = sku(seller, market.category(0), 10_000);
        Api buyer = market.buyer(100_000, "HKD");
        market.post(market.operator(), "/api/v1/operator/billing/rebates", Map.of("name", "New stores, first 30 days",
                "storeKind", "TAOBAO", "rebateBasisPoints", 10_000, "days", 30, "gmvCapMinor", 15_000, "currency", "HKD"),
                201);
        long first = market.paidOrder(buyer, sku, 1);
        long second = market.paidOrder(buyer, sku, 1);
        long third = market.paidOrder(buyer, sku, 1);
        market.complete(buyer, seller.api(), first);
        market.complete(buyer, seller.api(), second);
        market.complete(buyer, seller.api(), third);
        assertThat(market.settledFee(seller.api(), first)).as("the whole fee rebated").isZero();
        assertThat(market.settledFee(seller.api(), second)).as("half the order under the cap: 30 of 60 rebated").isEqualTo(30);
        assertThat(market.settledFee(seller.api(), third)).as("cap used up").isEqualTo(60);

        JsonNode statement = statement(seller.api(), YearMonth.from(java.time.LocalDate.ofInstant(market.clock().instant(), MARKET)), "HKD");
        assertThat(statement.get("rebatesMinor").asLong()).isEqualTo(90);
        assertThat(statement.get("feesMinor").asLong()).isEqualTo(90);
        JsonNode terms = seller.api().get("/api/v1/billing/stores/" + seller.storeId() + "/terms").json();
        assertThat(terms.get("serviceFee").get("rateBasisPoints").asInt()).isEqualTo(60);
        assertThat(terms.get("rebates")).isNotEmpty();
    }

    /**
     * Seeded random returns after settlement on two-line Tmall orders with a rebate: after every refund the fees
     * billing booked on the order equal what fee revenue holds of it on the ledger and the order's fee, never
     * negative; a fully refunded order keeps no fee. EUR: no other test trades in it.
     */
    @Test
    void feesGivenBackOnReturnsAlwaysMatchTheLedger() {
        long seed = Long.getLong("mercato.seed", System.nanoTime());
        java.util.Random random = new java.util.Random(seed);
        Seller seller = market.seller("TMALL", "EUR");
        long skuA = sku(seller, market.category(550), 999 + random.nextInt(5_000));
        long skuB = sku(seller, market.category(150), 99 + random.nextInt(2_000));
        Api buyer = market.buyer(5_000_000, "EUR");
        market.post(market.operator(), "/api/v1/operator/billing/rebates", Map.of("name", "Half back, EUR Tmall",
                "storeKind", "TMALL", "rebateBasisPoints", 1 + random.nextInt(10_000), "gmvCapMinor",
                1 + random.nextInt(200_000), "currency", "EUR"), 201);
        for (int round = 0; round < 3; round++) {
            Api.Response placed = buyer.create("/api/v1/checkouts", Map.of("address", io.mercato.MarketFixture.ADDRESS,
                    "items", List.of(Map.of("skuId", skuA, "quantity", 1 + random.nextInt(4)),
                            Map.of("skuId", skuB, "quantity", 1 + random.nextInt(4)))));
            assertThat(placed.status()).as("seed %s: %s", seed, placed).isEqualTo(201);
            long orderId = placed.json().get("orders").get(0).get("id").asLong();
            assertThat(buyer.post("/api/v1/orders/" + orderId + "/payment", null).status()).isEqualTo(200);
            market.complete(buyer, seller.api(), orderId);
            assertFeesMatch(seller.api(), orderId, seed);
            while (true) {
                JsonNode order = buyer.get("/api/v1/orders/" + orderId).json();
                List<JsonNode> open = new java.util.ArrayList<>();
                order.get("lines").forEach(line -> {
                    if (line.get("quantity").asLong() > line.get("refundedQuantity").asLong()) {
                        open.add(line);
                    }
                });
                if (open.isEmpty()) {
                    break;
                }
                JsonNode line = open.get(random.nextInt(open.size()));
                long left = line.get("quantity").asLong() - line.get("refundedQuantity").asLong();
                market.approve(seller.api(), market.requestRefund(buyer, orderId, line.get("id").asLong(),
                        1 + random.nextInt((int) left)));
                assertFeesMatch(seller.api(), orderId, seed);
            }
            assertThat(seller.api().get("/api/v1/orders/" + orderId).json().get("feeMinor").asLong())
                    .as("seed %s: a fully refunded order keeps no fee", seed).isZero();
        }
    }

    private void assertFeesMatch(Api seller, long orderId, long seed) {
        long ledger = market.postings(seller, orderId).stream().mapToLong(p -> entry(p, "FEE_REVENUE", 0)).sum();
        long booked = 0;
        for (JsonNode charge : seller.get("/api/v1/billing/orders/" + orderId + "/charges").json()) {
            booked += charge.get("amountMinor").asLong();
        }
        long orderFee = seller.get("/api/v1/orders/" + orderId).json().get("feeMinor").asLong();
        assertThat(booked).as("seed %s (replay with -Dmercato.seed=%s), order %s: billing vs ledger", seed, seed, orderId)
                .isEqualTo(ledger).isEqualTo(orderFee).isNotNegative();
    }

    private JsonNode statement(Api seller, YearMonth month, String currency) {
        Api.Response statement = seller.get("/api/v1/billing/statements?month=" + month + "&currency=" + currency);
        assertThat(statement.status()).as("statement: %s", statement).isEqualTo(200);
        return statement.json();
    }

    @Test
    void statementsReconcileWithTheLedgerCentForCent() {
        Seller seller = market.seller("TAOBAO");
        long sku = sku(seller, market.category(0), 10_000);
        Api buyer = market.buyer(200_000);
        YearMonth firstMonth = YearMonth.from(java.time.LocalDate.ofInstant(market.clock().instant(), MARKET));
        long a = market.paidOrder(buyer, sku, 3);
        long b = market.paidOrder(buyer, sku, 1);
        market.complete(buyer, seller.api(), a);
        market.post(seller.api(), "/api/v1/merchant/withdrawals", Map.of("amountMinor", 29_000, "currency", "CNY"), 201);
        market.approve(seller.api(), market.requestRefund(buyer, a, market.lineId(buyer, a), 2));
        market.complete(buyer, seller.api(), b);
        YearMonth lastMonth = YearMonth.from(java.time.LocalDate.ofInstant(market.clock().instant(), MARKET));

        // Every posting on the seller's merchant balance and debt, straight from the ledger.
        long ledgerNet = 0;
        long ledgerFees = 0;
        for (JsonNode posting : seller.api().get("/api/v1/ledger/statement?limit=500").json()) {
            long sellerId = market.idOf(seller.api());
            ledgerNet += entry(posting, "MERCHANT", sellerId) + entry(posting, "MERCHANT_DEBT", sellerId);
            if (posting.get("kind").asString().equals("SETTLEMENT")
                    || posting.get("kind").asString().equals("REFUND_AFTER_SETTLEMENT")) {
                ledgerFees += entry(posting, "FEE_REVENUE", 0);
            }
        }
        long statementNet = 0;
        long statementFees = 0;
        long payouts = 0;
        long settled = 0;
        for (YearMonth month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            JsonNode statement = statement(seller.api(), month, "CNY");
            assertThat(statement.get("reconciles").asBoolean()).as("statement of %s: %s", month, statement).isTrue();
            statementNet += statement.get("closingPositionMinor").asLong() - statement.get("openingPositionMinor").asLong();
            statementFees += statement.get("feesMinor").asLong() - statement.get("feesReturnedMinor").asLong();
            long byRule = 0;
            for (JsonNode rule : statement.get("feesByRule")) {
                byRule += rule.get("amountMinor").asLong();
            }
            assertThat(byRule).as("fees by rule add up to the ledger's fees")
                    .isEqualTo(statement.get("feesMinor").asLong() - statement.get("feesReturnedMinor").asLong());
            long movements = 0;
            for (JsonNode movement : statement.get("movements")) {
                movements += movement.get("amountMinor").asLong();
            }
            assertThat(movements).isEqualTo(statement.get("closingPositionMinor").asLong()
                    - statement.get("openingPositionMinor").asLong());
            payouts += statement.get("payoutsMinor").asLong();
            settled += statement.get("settledMinor").asLong();
        }
        assertThat(statementNet).isEqualTo(ledgerNet);
        // Order a: 30000, fee 180; two units back after settlement (fee 120 back); order b: 10000, fee 60.
        assertThat(statementFees).isEqualTo(ledgerFees).isEqualTo(180 - 120 + 60);
        assertThat(payouts).isEqualTo(29_000);
        assertThat(settled).isEqualTo(40_000);
        assertThat(ledgerNet).isEqualTo(30_000 - 180 - 29_000 - (20_000 - 120) + 10_000 - 60);
    }

    @Test
    void wholesaleMembershipIsBilledFromTheBalanceAndRenewedYearly() {
        Seller seller = market.seller("WHOLESALE");
        Memberships memberships = market.bean(Memberships.class);
        JsonNode before = today();
        assertThat(memberships.billDue(seller.storeId())).isEqualTo(1);
        assertThat(memberships.billDue(seller.storeId())).as("billed once a year").isZero();
        JsonNode after = today();
        assertThat(after.get("feeRevenueMinor").asLong()).as("a supplier's membership is not customer management revenue")
                .isEqualTo(before.get("feeRevenueMinor").asLong());
        assertThat(after.get("cmrMinor").asLong()).isEqualTo(before.get("cmrMinor").asLong());
        // Nothing in the balance yet: the seeded ¥6880.00 is the merchant's debt, and the store keeps selling.
        assertThat(market.balances(seller.api(), "CNY")).containsEntry("MERCHANT_DEBT", -688_000L);
        JsonNode mine = seller.api().get("/api/v1/billing/memberships").json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("debtMinor").asLong()).isEqualTo(688_000);

        long sku = sku(seller, market.category(0), 1_000_000);
        Api buyer = market.buyer(1_000_000);
        long orderId = market.paidOrder(buyer, sku, 1);
        market.complete(buyer, seller.api(), orderId);
        assertThat(market.settledFee(seller.api(), orderId)).as("no fee per order").isZero();
        assertThat(market.balances(seller.api(), "CNY")).containsEntry("MERCHANT_DEBT", 0L)
                .containsEntry("MERCHANT", 1_000_000L - 688_000);

        String email = seller.api().get("/api/v1/me").json().get("email").asString();
        market.clock().advance(Duration.ofDays(366));
        assertThat(memberships.billDue(seller.storeId())).as("the second year").isEqualTo(1);
        Api again = market.login(email, io.mercato.MarketFixture.PASSWORD);
        assertThat(market.balances(again, "CNY")).containsEntry("MERCHANT", 0L)
                .containsEntry("MERCHANT_DEBT", -376_000L);
        JsonNode years = again.get("/api/v1/billing/memberships").json();
        assertThat(years).hasSize(2);
        assertThat(years.get(0).get("startsAt").asString()).isEqualTo(years.get(1).get("endsAt").asString());
    }

    @Test
    void theCmrReportShowsFeesAgainstGmv() {
        Seller seller = market.seller("TAOBAO");
        long sku = sku(seller, market.category(0), 10_000);
        Api buyer = market.buyer(100_000);
        JsonNode before = today();
        long orderId = market.paidOrder(buyer, sku, 1);
        market.complete(buyer, seller.api(), orderId);
        JsonNode after = today();
        assertThat(after.get("day").asString()).isEqualTo(before.get("day").asString());
        assertThat(after.get("gmvMinor").asLong() - before.get("gmvMinor").asLong()).isEqualTo(10_000);
        assertThat(after.get("feeRevenueMinor").asLong() - before.get("feeRevenueMinor").asLong()).isEqualTo(60);
        assertThat(after.get("cmrMinor").asLong())
                .isEqualTo(after.get("feeRevenueMinor").asLong() + after.get("adRevenueMinor").asLong());
        assertThat(after.get("takeRate").decimalValue()).isEqualByComparingTo(new java.math.BigDecimal(
                after.get("cmrMinor").asLong()).divide(new java.math.BigDecimal(after.get("gmvMinor").asLong()), 6,
                java.math.RoundingMode.HALF_UP));
        assertThat(seller.api().get("/api/v1/operator/billing/cmr").status()).isEqualTo(403);
    }

    /** The CMR report's last day: today in the marketplace's time zone. */
    private JsonNode today() {
        Api.Response report = market.operator().get("/api/v1/operator/billing/cmr?currency=CNY");
        assertThat(report.status()).as("cmr: %s", report).isEqualTo(200);
        assertThat(report.json().size()).isEqualTo(30);
        return report.json().get(report.json().size() - 1);
    }

    @Test
    void badInputIsRefusedWithAClearProblem() {
        Api operator = market.operator();
        Seller seller = market.seller("TAOBAO");
        Seller other = market.seller("TAOBAO");
        Map<String, Map<String, Object>> refused = new HashMap<>();
        refused.put("rateBasisPoints", Map.of("kind", "SERVICE_FEE", "storeId", seller.storeId(), "rateBasisPoints", -5));
        refused.put("rateBasisPoints ", Map.of("kind", "SERVICE_FEE", "storeId", seller.storeId(), "rateBasisPoints", 9_000));
        refused.put("effectiveFrom", Map.of("kind", "SERVICE_FEE", "storeId", seller.storeId(), "rateBasisPoints", 50,
                "effectiveFrom", market.clock().instant().minus(Duration.ofDays(1)).toString()));
        refused.put("categoryId", Map.of("kind", "COMMISSION", "rateBasisPoints", 50));
        refused.put("kind", Map.of("rateBasisPoints", 50));
        refused.put("storeId", Map.of("kind", "SERVICE_FEE", "storeId", 987_654_321, "rateBasisPoints", 50));
        refused.put("amountMinor", Map.of("kind", "MEMBERSHIP", "storeKind", "WHOLESALE", "amountMinor", -1));
        refused.put("kind ", Map.of("kind", "BOGUS", "rateBasisPoints", 50));
        refused.put("rateBasisPoints  ", Map.of("kind", "SERVICE_FEE", "storeId", seller.storeId(), "rateBasisPoints", 1.5));
        refused.put("currency", Map.of("kind", "MEMBERSHIP", "storeKind", "WHOLESALE", "amountMinor", 100, "currency", "XYZ"));
        for (var entry : refused.entrySet()) {
            Api.Response response = operator.post("/api/v1/operator/billing/fee-rules", entry.getValue());
            assertThat(response.status()).as("%s: %s", entry.getKey(), response).isEqualTo(400);
            assertThat(response.body()).contains(entry.getKey().strip()).doesNotContain("Exception");
        }
        Api.Response rebate = operator.post("/api/v1/operator/billing/rebates", Map.of("name", "x", "rebateBasisPoints", 0,
                "days", 30));
        assertThat(rebate.status()).isEqualTo(400);
        assertThat(rebate.body()).contains("rebateBasisPoints");
        Api.Response endless = operator.post("/api/v1/operator/billing/rebates", Map.of("name", "forever",
                "rebateBasisPoints", 100));
        assertThat(endless.status()).as("neither days nor a cap: %s", endless).isEqualTo(400);
        assertThat(endless.body()).contains("days");

        assertThat(seller.api().post("/api/v1/operator/billing/fee-rules", Map.of("kind", "SERVICE_FEE", "storeId",
                seller.storeId(), "rateBasisPoints", 0)).status()).as("a seller editing fee rules").isEqualTo(403);
        assertThat(seller.api().get("/api/v1/operator/billing/fee-rules").status()).isEqualTo(403);
        long otherId = market.idOf(other.api());
        assertThat(seller.api().get("/api/v1/billing/statements?sellerAccountId=" + otherId).status())
                .as("another seller's statement").isEqualTo(403);
        assertThat(seller.api().get("/api/v1/billing/stores/" + other.storeId() + "/terms").status()).isEqualTo(403);
        assertThat(seller.api().get("/api/v1/billing/statements?month=2026-13").status()).isEqualTo(400);
        assertThat(seller.api().get("/api/v1/billing/statements?currency=XXX").status()).isEqualTo(400);
        assertThat(market.buyer(0 + 1).get("/api/v1/billing/statements").status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/billing/statements").status()).as("operators name the seller").isEqualTo(400);
        assertThat(operator.get("/api/v1/billing/statements?sellerAccountId=" + otherId).status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/operator/billing/cmr?from=2026-12-10&to=2026-12-01").status()).isEqualTo(400);
    }
}
