package io.mercato.ordering;

import static io.mercato.ordering.OrderingFixture.assertConflict;
import static io.mercato.ordering.OrderingFixture.entry;
import static io.mercato.ordering.OrderingFixture.instant;
import static io.mercato.ordering.OrderingFixture.placedOrderId;
import static io.mercato.ordering.OrderingFixture.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** What happens when people do nothing: unpaid orders lapse, delivered orders complete by themselves. */
@MercatoTest
class OrderTimeoutsIT {

    private static final long FUNDS = 100_000;

    @RegisterExtension
    final OrderingFixture market = new OrderingFixture();

    Seller seller;
    long skuId;
    Api buyer;

    @BeforeEach
    void setUp() {
        seller = market.seller("TAOBAO");
        skuId = market.sku(seller, 5_000, 6);
        buyer = market.buyer(FUNDS);
    }

    @Test
    void unpaidOrderIsCancelledBySystemAfterThirtyMinutesAndItsStockReleased() {
        long orderId = placedOrderId(market.checkout(buyer, skuId, 2));
        market.assertStock(skuId, 6, 2);

        market.clock().advance(Duration.ofMinutes(29));
        market.runTimers();
        assertThat(market.status(buyer, orderId)).as("still inside the 30 minutes").isEqualTo("AWAITING_PAYMENT");
        market.assertStock(skuId, 6, 2);

        market.clock().advance(Duration.ofMinutes(1));
        Instant due = market.clock().instant();
        assertThat(buyer.create("/api/v1/operator/order-timers", null).status())
                .as("only operators run the timers").isEqualTo(403);
        Api.Response run = market.operator().create("/api/v1/operator/order-timers", null);
        assertThat(run.status()).as("timers: %s", run).isEqualTo(200);
        assertThat(run.json().asInt()).isGreaterThanOrEqualTo(1);

        JsonNode cancelled = market.order(buyer, orderId);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(instant(cancelled, "closedAt")).isCloseTo(due, within(1, ChronoUnit.MILLIS));
        JsonNode history = cancelled.get("history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("from").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(last.get("to").asString()).isEqualTo("CANCELLED");
        assertThat(last.get("actor").asString()).isEqualTo("system");
        assertThat(last.get("note").asString()).contains("30 minutes");
        market.assertStock(skuId, 6, 0);
        assertThat(market.available(skuId)).isEqualTo(6);
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);

        market.runTimers();
        market.assertStock(skuId, 6, 0);
        assertThat(market.order(buyer, orderId).get("history")).as("a second run changes nothing").hasSize(history.size());
    }

    @Test
    void payingAfterTheDeadlineIsRefused() {
        long orderId = placedOrderId(market.checkout(buyer, skuId, 1));
        market.clock().advance(Duration.ofMinutes(30).plusSeconds(1));

        assertConflict(buyer.create("/api/v1/orders/" + orderId + "/payment", null), "was not paid by");
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);
        assertThat(market.postings(buyer, orderId)).isEmpty();
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isZero();

        market.runTimers();
        assertThat(market.status(buyer, orderId)).isEqualTo("CANCELLED");
        market.assertStock(skuId, 6, 0);
        assertConflict(buyer.create("/api/v1/orders/" + orderId + "/payment", null), "cancelled");
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);
    }

    @Test
    void deliveredOrderCompletesAndSettlesSevenDaysAfterDelivery() {
        long sellerId = market.idOf(seller.api());
        long orderId = market.deliveredOrder(buyer, seller.api(), skuId, 2);
        Instant deliveredAt = instant(market.order(buyer, orderId), "deliveredAt");
        Supplier<Api> buyerAgain = market.relogin(buyer);
        Supplier<Api> sellerAgain = market.relogin(seller.api());

        market.clock().advance(Duration.ofDays(7).minusMinutes(1));
        market.runTimers();
        assertThat(market.status(buyer, orderId)).isEqualTo("DELIVERED");
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isEqualTo(10_000);

        market.clock().advance(Duration.ofMinutes(1));
        market.runTimers();
        Api buyerNow = buyerAgain.get();
        Api sellerNow = sellerAgain.get();
        JsonNode completed = market.order(buyerNow, orderId);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(instant(completed, "completedAt")).isCloseTo(deliveredAt.plus(Duration.ofDays(7)), within(1, ChronoUnit.MILLIS));
        JsonNode last = completed.get("history").get(completed.get("history").size() - 1);
        assertThat(last.get("from").asString()).isEqualTo("DELIVERED");
        assertThat(last.get("actor").asString()).isEqualTo("system");
        assertThat(completed.get("feeMinor").asLong()).isEqualTo(60);
        assertThat(market.sellerBalance(sellerNow, "ESCROW")).isZero();
        assertThat(market.sellerBalance(sellerNow, "MERCHANT")).isEqualTo(10_000 - 60);
        JsonNode settlement = posting(market.balancedPostings(buyerNow, orderId), "SETTLEMENT");
        assertThat(entry(settlement, "MERCHANT", sellerId)).isEqualTo(10_000 - 60);
        assertConflict(buyerNow.create("/api/v1/orders/" + orderId + "/receipt-confirmation", null), "completed");
    }

    @Test
    void deliveredOrderWithAPendingReturnDoesNotCompleteUntilTheReturnIsDecided() {
        long orderId = market.deliveredOrder(buyer, seller.api(), skuId, 2);
        Supplier<Api> sellerAgain = market.relogin(seller.api());
        market.clock().advance(Duration.ofDays(6));
        Api.Response requested = buyer.create("/api/v1/orders/" + orderId + "/refunds", Map.of("reason", "it rattles"));
        assertThat(requested.status()).as("return: %s", requested).isEqualTo(201);
        long refundId = requested.id();

        market.clock().advance(Duration.ofDays(1).plusMinutes(1));
        market.runTimers();
        Api sellerNow = sellerAgain.get();
        JsonNode waiting = market.order(sellerNow, orderId);
        assertThat(waiting.get("status").asString()).as("a pending return holds the order open").isEqualTo("DELIVERED");
        assertThat(waiting.get("refunds").get(0).get("status").asString()).isEqualTo("REQUESTED");
        assertThat(market.sellerBalance(sellerNow, "ESCROW")).isEqualTo(10_000);
        assertThat(market.sellerBalance(sellerNow, "MERCHANT")).isZero();

        Api.Response rejected = sellerNow.create("/api/v1/refunds/" + refundId + "/rejection",
                Map.of("note", "no fault found"));
        assertThat(rejected.status()).as("rejection: %s", rejected).isEqualTo(200);
        market.runTimers();
        assertThat(market.status(sellerNow, orderId)).as("completes once the return is decided").isEqualTo("COMPLETED");
        assertThat(market.sellerBalance(sellerNow, "MERCHANT")).isEqualTo(10_000 - 60);
    }
}
