package io.mercato.ordering;

import static io.mercato.ordering.OrderingFixture.assertConflict;
import static io.mercato.ordering.OrderingFixture.entry;
import static io.mercato.ordering.OrderingFixture.instant;
import static io.mercato.ordering.OrderingFixture.lineId;
import static io.mercato.ordering.OrderingFixture.placedOrderId;
import static io.mercato.ordering.OrderingFixture.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Money and goods coming back: refunds before shipment, returns after delivery, and their limits. */
@MercatoTest
class RefundIT {

    private static final long FUNDS = 500_000;

    @RegisterExtension
    final OrderingFixture market = new OrderingFixture();

    Seller seller;
    long skuA;
    long skuB;
    Api buyer;

    @BeforeEach
    void setUp() {
        seller = market.seller("TAOBAO");
        skuA = market.sku(seller, 10_000, 10);
        skuB = market.sku(seller, 2_500, 10);
        buyer = market.buyer(FUNDS);
    }

    /** Places and pays an order of 3 x A (10000) and 2 x B (2500): 35000 in all. */
    private JsonNode paidTwoLineOrder() {
        Api.Response placed = buyer.create("/api/v1/checkouts", Map.of("address", MarketFixture.ADDRESS, "items", List.of(
                Map.of("skuId", skuA, "quantity", 3), Map.of("skuId", skuB, "quantity", 2))));
        long orderId = placedOrderId(placed);
        return market.pay(buyer, orderId);
    }

    private Api.Response refund(long orderId, List<Map<String, Object>> items, String reason) {
        Map<String, Object> body = items == null ? Map.of("reason", reason) : Map.of("items", items, "reason", reason);
        return buyer.create("/api/v1/orders/" + orderId + "/refunds", body);
    }

    private JsonNode deliveredTwoLineOrder() {
        JsonNode order = paidTwoLineOrder();
        long orderId = order.get("id").asLong();
        market.ship(seller.api(), orderId);
        return market.deliver(seller.api(), orderId);
    }

    @Test
    void cancellingAPaidOrderReturnsTheMoneyAndTheStock() {
        long orderId = paidTwoLineOrder().get("id").asLong();
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS - 35_000);
        market.assertStock(skuA, 7, 0);

        Api.Response cancelled = buyer.create("/api/v1/orders/" + orderId + "/cancellation", Map.of("reason", "changed my mind"));
        assertThat(cancelled.status()).as("cancellation: %s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(cancelled.json().get("refundedMinor").asLong()).isEqualTo(35_000);
        assertThat(cancelled.json().get("closedAt")).isNotNull();
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isZero();
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isZero();
        market.assertStock(skuA, 10, 0);
        market.assertStock(skuB, 10, 0);
        JsonNode history = cancelled.json().get("history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("from").asString()).isEqualTo("PAID");
        assertThat(last.get("to").asString()).isEqualTo("REFUNDED");
        assertThat(last.get("actor").asString()).isEqualTo("buyer:" + market.idOf(buyer));
        JsonNode refunds = cancelled.json().get("refunds");
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).get("reason").asString()).isEqualTo("changed my mind");
        assertThat(refunds.get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(refunds.get(0).get("amountMinor").asLong()).isEqualTo(35_000);

        JsonNode refund = posting(market.balancedPostings(buyer, orderId), "REFUND");
        assertThat(entry(refund, "ESCROW", market.idOf(seller.api()))).isEqualTo(-35_000);
        assertThat(entry(refund, "WALLET", market.idOf(buyer))).isEqualTo(35_000);
        assertConflict(buyer.create("/api/v1/orders/" + orderId + "/cancellation", null), "refunded");
        assertThat(market.walletBalance(buyer)).as("a second cancellation pays nothing").isEqualTo(FUNDS);
    }

    @Test
    void cancellingAnUnpaidOrderReleasesItsReservation() {
        long orderId = placedOrderId(market.checkout(buyer, skuA, 4));
        market.assertStock(skuA, 10, 4);
        Api.Response cancelled = buyer.create("/api/v1/orders/" + orderId + "/cancellation", null);
        assertThat(cancelled.status()).as("cancellation: %s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        market.assertStock(skuA, 10, 0);
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);
        assertThat(market.postings(buyer, orderId)).as("no money moved").isEmpty();
    }

    @Test
    void refundRequestWithoutItemsBeforeShipmentRefundsEverythingAtOnce() {
        long orderId = paidTwoLineOrder().get("id").asLong();
        Api.Response refunded = refund(orderId, null, "ordered by mistake");
        assertThat(refunded.status()).as("refund: %s", refunded).isEqualTo(201);
        JsonNode refund = refunded.json();
        assertThat(refund.get("status").asString()).isEqualTo("APPROVED");
        assertThat(refund.get("returnGoods").asBoolean()).isFalse();
        assertThat(refund.get("amountMinor").asLong()).isEqualTo(35_000);
        assertThat(refund.get("lines")).hasSize(2);
        assertThat(market.status(buyer, orderId)).isEqualTo("REFUNDED");
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isZero();
        market.assertStock(skuA, 10, 0);
        market.assertStock(skuB, 10, 0);
        assertConflict(refund(orderId, null, "again"), "refund");
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);
    }

    @Test
    void partialRefundBeforeShipmentThenSettlesTheRemainderWithTheFeeOnTheReducedValue() {
        JsonNode order = paidTwoLineOrder();
        long orderId = order.get("id").asLong();
        long lineA = lineId(order, skuA);

        Api.Response partial = refund(orderId, List.of(Map.of("lineId", lineA, "quantity", 2)), "only need one");
        assertThat(partial.status()).as("refund: %s", partial).isEqualTo(201);
        assertThat(partial.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(partial.json().get("amountMinor").asLong()).isEqualTo(20_000);
        JsonNode after = market.order(buyer, orderId);
        assertThat(after.get("status").asString()).as("the rest is still sold").isEqualTo("PAID");
        assertThat(after.get("refundedMinor").asLong()).isEqualTo(20_000);
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS - 35_000 + 20_000);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isEqualTo(15_000);
        market.assertStock(skuA, 9, 0);
        market.assertStock(skuB, 8, 0);

        Api.Response twice = refund(orderId, List.of(Map.of("lineId", lineA, "quantity", 2)), "refund them again");
        assertConflict(twice, "1 units left to refund");
        assertThat(market.walletBalance(buyer)).as("nothing refunded twice").isEqualTo(FUNDS - 15_000);
        market.assertStock(skuA, 9, 0);

        market.ship(seller.api(), orderId);
        market.deliver(seller.api(), orderId);
        JsonNode completed = market.confirm(buyer, orderId);
        // 0.6% of the 15000 left is 90
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("feeMinor").asLong()).isEqualTo(90);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isZero();
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isEqualTo(15_000 - 90);
        assertThat(market.balancedPostings(buyer, orderId)).extracting(p -> p.get("kind").asString())
                .containsExactly("ORDER_PAYMENT", "REFUND", "SETTLEMENT");
    }

    @Test
    void returnOfEverythingApprovedBySellerRefundsAndRestocks() {
        JsonNode order = deliveredTwoLineOrder();
        long orderId = order.get("id").asLong();
        market.clock().advance(Duration.ofDays(3));
        Instant requestedAt = market.clock().instant();

        Api.Response requested = refund(orderId, null, "not as described");
        assertThat(requested.status()).as("return: %s", requested).isEqualTo(201);
        JsonNode refund = requested.json();
        long refundId = refund.get("id").asLong();
        assertThat(refund.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(refund.get("returnGoods").asBoolean()).isTrue();
        assertThat(refund.get("amountMinor").asLong()).isEqualTo(35_000);
        assertThat(instant(refund, "decideBy")).isCloseTo(requestedAt.plus(Duration.ofHours(48)), within(1, ChronoUnit.MILLIS));
        assertThat(market.walletBalance(buyer)).as("no money before the decision").isEqualTo(FUNDS - 35_000);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isEqualTo(35_000);

        assertConflict(buyer.create("/api/v1/orders/" + orderId + "/receipt-confirmation", null), "awaiting a decision");
        assertThat(market.status(buyer, orderId)).isEqualTo("DELIVERED");
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).as("nothing settled").isZero();
        assertConflict(refund(orderId, null, "asking twice"), "nothing left to refund");

        Api.Response approved = seller.api().create("/api/v1/refunds/" + refundId + "/approval", Map.of("note", "sorry"));
        assertThat(approved.status()).as("approval: %s", approved).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo("seller:" + market.idOf(seller.api()));
        assertThat(approved.json().get("decisionNote").asString()).isEqualTo("sorry");
        JsonNode closed = market.order(buyer, orderId);
        assertThat(closed.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(closed.get("refundedMinor").asLong()).isEqualTo(35_000);
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isZero();
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isZero();
        market.assertStock(skuA, 10, 0);
        market.assertStock(skuB, 10, 0);
        assertConflict(seller.api().create("/api/v1/refunds/" + refundId + "/approval", null), "already approved");
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);
    }

    @Test
    void partialReturnApprovedLeavesTheRestToSettleOnConfirmation() {
        JsonNode order = deliveredTwoLineOrder();
        long orderId = order.get("id").asLong();
        long lineB = lineId(order, skuB);

        Api.Response requested = refund(orderId, List.of(Map.of("lineId", lineB, "quantity", 2)), "wrong colour");
        assertThat(requested.status()).as("return: %s", requested).isEqualTo(201);
        assertThat(requested.json().get("amountMinor").asLong()).isEqualTo(5_000);
        long refundId = requested.json().get("id").asLong();
        assertThat(seller.api().create("/api/v1/refunds/" + refundId + "/approval", null).status()).isEqualTo(200);

        JsonNode after = market.order(buyer, orderId);
        assertThat(after.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(after.get("refundedMinor").asLong()).isEqualTo(5_000);
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS - 30_000);
        market.assertStock(skuB, 10, 0);
        market.assertStock(skuA, 7, 0);

        JsonNode completed = market.confirm(buyer, orderId);
        // 0.6% of 30000 is 180
        assertThat(completed.get("feeMinor").asLong()).isEqualTo(180);
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isEqualTo(30_000 - 180);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isZero();
        JsonNode settlement = posting(market.balancedPostings(buyer, orderId), "SETTLEMENT");
        assertThat(entry(settlement, "ESCROW", market.idOf(seller.api()))).isEqualTo(-30_000);
        assertThat(entry(settlement, "FEE_REVENUE", 0)).isEqualTo(180);
    }

    @Test
    void returnRejectedBySellerNeedsANoteAndLeavesTheMoneyWithTheSale() {
        long orderId = deliveredTwoLineOrder().get("id").asLong();
        long refundId = refund(orderId, null, "do not like it").id();

        Api.Response noNote = seller.api().create("/api/v1/refunds/" + refundId + "/rejection", Map.of());
        assertThat(noNote.status()).as("rejection without note: %s", noNote).isEqualTo(400);
        Api.Response byBuyer = buyer.create("/api/v1/refunds/" + refundId + "/approval", null);
        assertThat(byBuyer.status()).as("the buyer cannot approve: %s", byBuyer).isEqualTo(403);

        Api.Response rejected = seller.api().create("/api/v1/refunds/" + refundId + "/rejection",
                Map.of("note", "the seal is broken"));
        assertThat(rejected.status()).as("rejection: %s", rejected).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("decisionNote").asString()).isEqualTo("the seal is broken");
        assertThat(rejected.json().get("decidedBy").asString()).isEqualTo("seller:" + market.idOf(seller.api()));
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS - 35_000);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isEqualTo(35_000);
        market.assertStock(skuA, 7, 0);

        JsonNode completed = market.confirm(buyer, orderId);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("feeMinor").asLong()).isEqualTo(210);
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isEqualTo(35_000 - 210);
    }

    @Test
    void platformApprovesAReturnTheSellerLeftUndecidedFor48Hours() {
        long orderId = deliveredTwoLineOrder().get("id").asLong();
        long refundId = refund(orderId, null, "broken on arrival").id();

        market.clock().advance(Duration.ofHours(47));
        market.runTimers();
        assertThat(market.order(buyer, orderId).get("refunds").get(0).get("status").asString())
                .as("the seller still has an hour").isEqualTo("REQUESTED");
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS - 35_000);

        market.clock().advance(Duration.ofHours(1));
        market.runTimers();
        JsonNode closed = market.order(buyer, orderId);
        JsonNode refund = closed.get("refunds").get(0);
        assertThat(refund.get("id").asLong()).isEqualTo(refundId);
        assertThat(refund.get("status").asString()).isEqualTo("APPROVED");
        assertThat(refund.get("decidedBy").asString()).isEqualTo("system");
        assertThat(closed.get("status").asString()).isEqualTo("REFUNDED");
        JsonNode last = closed.get("history").get(closed.get("history").size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo("system");
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isZero();
        market.assertStock(skuA, 10, 0);
        assertConflict(seller.api().create("/api/v1/refunds/" + refundId + "/rejection", Map.of("note", "too late")),
                "already approved");
    }

    @Test
    void returnAfterTheSevenDayWindowIsRefused() {
        long orderId = deliveredTwoLineOrder().get("id").asLong();
        var again = market.relogin(buyer);
        market.clock().advance(Duration.ofDays(7).plusSeconds(1));
        buyer = again.get();
        assertConflict(refund(orderId, null, "too late"), "returns closed");
        JsonNode order = market.order(buyer, orderId);
        assertThat(order.get("refunds")).isEmpty();
        assertThat(order.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS - 35_000);
    }

    @Test
    void shippedOrderCannotBeRefundedOrCancelledUntilDelivered() {
        long orderId = paidTwoLineOrder().get("id").asLong();
        market.ship(seller.api(), orderId);

        assertConflict(refund(orderId, null, "want it back"), "once it is delivered");
        assertConflict(buyer.create("/api/v1/orders/" + orderId + "/cancellation", null), "shipped");
        assertThat(market.status(buyer, orderId)).isEqualTo("SHIPPED");
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS - 35_000);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isEqualTo(35_000);

        market.deliver(seller.api(), orderId);
        Api.Response requested = refund(orderId, null, "want it back");
        assertThat(requested.status()).as("return after delivery: %s", requested).isEqualTo(201);
        assertThat(requested.json().get("status").asString()).isEqualTo("REQUESTED");
    }
}
