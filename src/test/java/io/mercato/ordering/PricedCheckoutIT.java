package io.mercato.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Checkout priced by the pricing engine, end to end over the API: a store coupon and a platform voucher on a
 * two-store cart, each line storing its discounts; payment, confirmation and settlement with the platform's subsidy
 * paid to the merchant in the settlement posting; a partial refund after settlement reversing paid amount, fee and
 * subsidy pro rata; the ledger balanced throughout; unpaid cancellation giving the coupons back.
 */
@MercatoTest
class PricedCheckoutIT {

    @RegisterExtension
    final OrderingFixture market = new OrderingFixture();

    Seller storeA;
    Seller storeB;
    long skuA;
    long skuB;
    Api buyer;

    @BeforeEach
    void setUp() {
        storeA = market.seller("TAOBAO");
        storeB = market.seller("TAOBAO");
        skuA = market.sku(storeA, 20_000, 50);
        skuB = market.sku(storeB, 7_500, 50);
        buyer = market.buyer(1_000_000);
    }

    private Map<String, Object> pool(String name, long off, long threshold) {
        Instant now = market.clock().instant();
        Map<String, Object> pool = new HashMap<>();
        pool.put("name", name);
        pool.put("amountOff", Map.of("minor", off, "currency", "CNY"));
        pool.put("threshold", Map.of("minor", threshold, "currency", "CNY"));
        pool.put("totalLimit", 100);
        pool.put("perBuyerLimit", 1);
        pool.put("claimFrom", now.minus(Duration.ofMinutes(1)).toString());
        pool.put("claimUntil", now.plus(Duration.ofDays(30)).toString());
        return pool;
    }

    private long claim(Api api, Api.Response pool) {
        assertThat(pool.status()).as("pool: %s", pool).isEqualTo(201);
        Api.Response claimed = api.create("/api/v1/pricing/coupon-pools/" + pool.json().get("poolId").asLong() + "/claims", null);
        assertThat(claimed.status()).as("claim: %s", claimed).isEqualTo(201);
        return claimed.json().get("claimId").asLong();
    }

    private long storeCoupon() {
        return claim(buyer, storeA.api().create("/api/v1/pricing/stores/" + storeA.storeId() + "/coupon-pools",
                pool("20 off 100 at A", 2_000, 10_000)));
    }

    private long platformVoucher() {
        return claim(buyer, market.operator().create("/api/v1/operator/pricing/vouchers", pool("30 off 300", 3_000, 30_000)));
    }

    private Api.Response checkout(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("address", MarketFixture.ADDRESS);
        body.put("items", List.of(Map.of("skuId", skuA, "quantity", 1), Map.of("skuId", skuB, "quantity", 2)));
        return buyer.create("/api/v1/checkouts", body);
    }

    private static JsonNode orderOf(Api.Response placed, long storeId) {
        for (JsonNode order : placed.json().get("orders")) {
            if (order.get("storeId").asLong() == storeId) {
                return order;
            }
        }
        throw new AssertionError("no order of store " + storeId + " in " + placed);
    }

    @Test
    void aStoreCouponAndAPlatformVoucherArePricedStoredSettledAndRefundedProRata() {
        long coupon = storeCoupon();
        long voucher = platformVoucher();
        long sellerA = market.idOf(storeA.api());
        long sellerB = market.idOf(storeB.api());

        // The quote the cart shows is what checkout charges.
        Api.Response quote = buyer.create("/api/v1/pricing/quotes", Map.of("items",
                List.of(Map.of("skuId", skuA, "quantity", 1), Map.of("skuId", skuB, "quantity", 2))));
        assertThat(quote.status()).as("%s", quote).isEqualTo(200);
        assertThat(quote.json().get("payable").get("minor").asLong()).isEqualTo(30_000);

        Api.Response placed = checkout(Map.of());
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        JsonNode orderA = orderOf(placed, storeA.storeId());
        JsonNode orderB = orderOf(placed, storeB.storeId());
        // A: 200 less the store coupon's 20 = 180; the 30 voucher over 180 + 150 = 330 gives A 16.36, B 13.64.
        assertThat(orderA.get("totalMinor").asLong()).isEqualTo(16_364);
        assertThat(orderB.get("totalMinor").asLong()).isEqualTo(13_636);
        JsonNode lineA = orderA.get("lines").get(0);
        assertThat(lineA.get("unitPriceMinor").asLong()).isEqualTo(20_000);
        assertThat(lineA.get("paidMinor").asLong()).isEqualTo(16_364);
        assertThat(lineA.get("adjustments")).hasSize(2);
        assertThat(lineA.get("adjustments").get(0).get("kind").asString()).isEqualTo("STORE_COUPON");
        assertThat(lineA.get("adjustments").get(0).get("funder").asString()).isEqualTo("MERCHANT");
        assertThat(lineA.get("adjustments").get(0).get("claimId").asLong()).isEqualTo(coupon);
        assertThat(lineA.get("adjustments").get(1).get("kind").asString()).isEqualTo("PLATFORM_VOUCHER");
        assertThat(lineA.get("adjustments").get(1).get("funder").asString()).isEqualTo("PLATFORM");
        assertThat(lineA.get("adjustments").get(1).get("amountMinor").asLong()).isEqualTo(1_636);
        assertThat(orderB.get("lines").get(0).get("adjustments").get(0).get("amountMinor").asLong()).isEqualTo(1_364);
        JsonNode wallet = buyer.get("/api/v1/pricing/coupons").json();
        wallet.forEach(c -> assertThat(c.get("state").asString()).as("%s", c).isEqualTo("USED"));
        assertThat(List.of(wallet.get(0).get("claimId").asLong(), wallet.get(1).get("claimId").asLong()))
                .containsExactlyInAnyOrder(coupon, voucher);

        long walletBefore = market.walletBalance(buyer);
        Api.Response paid = buyer.create("/api/v1/checkouts/" + placed.json().get("checkoutId").asLong() + "/payment", null);
        assertThat(paid.status()).as("%s", paid).isEqualTo(200);
        assertThat(walletBefore - market.walletBalance(buyer)).as("the buyer pays the quote").isEqualTo(30_000);

        long idA = orderA.get("id").asLong();
        long idB = orderB.get("id").asLong();
        for (var pair : List.of(Map.entry(idA, storeA), Map.entry(idB, storeB))) {
            market.ship(pair.getValue().api(), pair.getKey());
            market.deliver(pair.getValue().api(), pair.getKey());
            market.confirm(buyer, pair.getKey());
        }
        // A keeps 163.64 paid + 16.36 subsidy - 0.6% of 180 GMV; B 136.36 + 13.64 - 0.6% of 150.
        JsonNode settlementA = OrderingFixture.posting(market.balancedPostings(storeA.api(), idA), "SETTLEMENT");
        assertThat(OrderingFixture.entry(settlementA, "SUBSIDY", 0)).isEqualTo(-1_636);
        assertThat(OrderingFixture.entry(settlementA, "MERCHANT", sellerA)).isEqualTo(16_364 + 1_636 - 108);
        assertThat(market.order(buyer, idA).get("feeMinor").asLong()).isEqualTo(108);
        JsonNode settlementB = OrderingFixture.posting(market.balancedPostings(storeB.api(), idB), "SETTLEMENT");
        assertThat(OrderingFixture.entry(settlementB, "MERCHANT", sellerB)).isEqualTo(13_636 + 1_364 - 90);
        market.assertTrialBalanceIsZero();

        // One of B's two units comes back: half of what was paid, half the subsidy returned, the fee on what is kept.
        long lineB = orderB.get("lines").get(0).get("id").asLong();
        Api.Response refund = buyer.create("/api/v1/orders/" + idB + "/refunds", Map.of("reason", "one too many",
                "items", List.of(Map.of("lineId", lineB, "quantity", 1))));
        assertThat(refund.status()).as("%s", refund).isIn(200, 201);
        JsonNode refundJson = market.order(buyer, idB).get("refunds").get(0);
        assertThat(refundJson.get("amountMinor").asLong()).isEqualTo(6_818);
        Api.Response approved = storeB.api().create("/api/v1/refunds/" + refundJson.get("id").asLong() + "/approval", null);
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        JsonNode reversal = OrderingFixture.posting(market.balancedPostings(storeB.api(), idB), "REFUND_AFTER_SETTLEMENT");
        assertThat(OrderingFixture.entry(reversal, "SUBSIDY", 0)).as("the subsidy reversed pro rata").isEqualTo(682);
        assertThat(OrderingFixture.entry(reversal, "FEE_REVENUE", 0)).as("fee on 75 kept is 0.45").isEqualTo(-45);
        assertThat(OrderingFixture.entry(reversal, "MERCHANT", sellerB)).isEqualTo(-(6_818 + 682 - 45));
        assertThat(market.sellerBalance(storeB.api(), "MERCHANT")).isEqualTo(7_500 - 45);
        market.assertTrialBalanceIsZero();
    }

    @Test
    void namedCouponsAreCheckedAndForbiddenCombinationsRefusedWithNothingWritten() {
        long coupon = storeCoupon();
        Api other = market.buyer(100_000);
        long othersVoucher = claim(other, market.operator().create("/api/v1/operator/pricing/vouchers", pool("Not yours", 1_000, 0)));

        Api.Response notMine = checkout(Map.of("couponIds", List.of(othersVoucher)));
        assertThat(notMine.status()).isEqualTo(400);
        assertThat(notMine.json().get("detail").asString()).contains("not one of yours");

        // A store coupon of a store with nothing in the cart.
        Seller storeC = market.seller("TAOBAO");
        long foreign = claim(buyer, storeC.api().create("/api/v1/pricing/stores/" + storeC.storeId() + "/coupon-pools",
                pool("C's coupon", 500, 0)));
        Api.Response otherStore = checkout(Map.of("couponIds", List.of(foreign)));
        assertThat(otherStore.status()).isEqualTo(400);
        assertThat(otherStore.json().get("detail").asString()).contains("store " + storeC.storeId());

        long second = claim(buyer, storeA.api().create("/api/v1/pricing/stores/" + storeA.storeId() + "/coupon-pools",
                pool("Another at A", 1_000, 0)));
        Api.Response twoAtOneStore = checkout(Map.of("couponIds", List.of(coupon, second)));
        assertThat(twoAtOneStore.status()).isEqualTo(409);
        assertThat(twoAtOneStore.json().get("detail").asString()).contains("one store coupon per store");

        JsonNode wallet = buyer.get("/api/v1/pricing/coupons").json();
        wallet.forEach(c -> assertThat(c.get("state").asString()).as("nothing redeemed: %s", c).isEqualTo("USABLE"));
        assertThat(buyer.get("/api/v1/orders").body()).doesNotContain("\"storeId\":" + storeA.storeId());

        // Expired: the clock moves past the coupon's validity.
        var relogin = market.relogin(buyer);
        market.clock().advance(Duration.ofDays(31));
        Api again = relogin.get();
        Api.Response expired = again.create("/api/v1/checkouts", Map.of("address", MarketFixture.ADDRESS,
                "items", List.of(Map.of("skuId", skuA, "quantity", 1)), "couponIds", List.of(coupon)));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().get("detail").asString()).contains("expired");
    }

    @Test
    void anUnpaidOrderCancelledGivesItsCouponBack() {
        long coupon = storeCoupon();
        Api.Response placed = buyer.create("/api/v1/checkouts", Map.of("address", MarketFixture.ADDRESS,
                "items", List.of(Map.of("skuId", skuA, "quantity", 1)), "couponIds", List.of(coupon)));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        long orderId = placed.json().get("orders").get(0).get("id").asLong();
        assertThat(placed.json().get("orders").get(0).get("totalMinor").asLong()).isEqualTo(18_000);
        assertThat(buyer.get("/api/v1/pricing/coupons").json().get(0).get("state").asString()).isEqualTo("USED");

        Api.Response cancelled = buyer.create("/api/v1/orders/" + orderId + "/cancellation", Map.of("reason", "later"));
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);

        assertThat(buyer.get("/api/v1/pricing/coupons").json().get(0).get("state").asString()).isEqualTo("USABLE");
        Api.Response reused = buyer.create("/api/v1/checkouts", Map.of("address", MarketFixture.ADDRESS,
                "items", List.of(Map.of("skuId", skuA, "quantity", 1))));
        assertThat(reused.json().get("orders").get(0).get("totalMinor").asLong()).as("best choice uses it again").isEqualTo(18_000);
    }

    @Test
    void aStoreCouponComesBackWhenItsOwnStoresOrderIsCancelledWhileTheOtherStaysPlaced() {
        long coupon = storeCoupon();
        Api.Response placed = checkout(Map.of("couponIds", List.of(coupon)));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        long orderA = orderOf(placed, storeA.storeId()).get("id").asLong();
        assertThat(orderOf(placed, storeB.storeId()).get("totalMinor").asLong()).as("no discount at B").isEqualTo(15_000);

        assertThat(buyer.create("/api/v1/orders/" + orderA + "/cancellation", Map.of("reason", "later")).status()).isEqualTo(200);

        assertThat(buyer.get("/api/v1/pricing/coupons").json().get(0).get("state").asString()).isEqualTo("USABLE");
    }
}
