package io.mercato.ordering;

import static io.mercato.ordering.OrderSteps.assertConflict;
import static io.mercato.ordering.OrderSteps.assertStock;
import static io.mercato.ordering.OrderSteps.balancedPostings;
import static io.mercato.ordering.OrderSteps.entry;
import static io.mercato.ordering.OrderSteps.instant;
import static io.mercato.ordering.OrderSteps.order;
import static io.mercato.ordering.OrderSteps.posting;
import static io.mercato.ordering.OrderSteps.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import io.mercato.inventory.StockLedger;
import io.mercato.ordering.internal.OrderTimeouts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What happens when people do nothing: unpaid orders lapse, delivered orders complete by themselves. */
@MercatoTest
class OrderTimeoutsIT {

    private static final long FUNDS = 100_000;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    StockLedger stock;

    @Autowired
    OrderTimeouts timeouts;

    MarketFixture market;
    Seller seller;
    long sellerId;
    long skuId;
    Api buyer;

    @BeforeEach
    void setUp() {
        market = new MarketFixture(port);
        seller = market.seller("TAOBAO");
        sellerId = market.accountId(seller.api());
        skuId = market.listedSku(seller, market.category(0), 5_000, 6);
        buyer = market.buyer(FUNDS);
    }

    @Test
    void unpaidOrderIsCancelledBySystemAfterThirtyMinutesAndItsStockReleased() {
        long orderId = OrderSteps.placedOrderId(market.checkout(buyer, skuId, 2));
        assertStock(stock, skuId, 6, 2);

        clock.advance(Duration.ofMinutes(29));
        timeouts.run();
        assertThat(status(buyer, orderId)).as("still inside the 30 minutes").isEqualTo("AWAITING_PAYMENT");
        assertStock(stock, skuId, 6, 2);

        clock.advance(Duration.ofMinutes(1));
        Instant due = clock.instant();
        assertThat(buyer.create("/api/v1/operator/order-timers", null).status())
                .as("only operators run the timers").isEqualTo(403);
        Api.Response run = market.operator().create("/api/v1/operator/order-timers", null);
        assertThat(run.status()).as("timers: %s", run).isEqualTo(200);
        assertThat(run.json().asInt()).isGreaterThanOrEqualTo(1);

        JsonNode cancelled = order(buyer, orderId);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(instant(cancelled, "closedAt")).isCloseTo(due, within(1, ChronoUnit.MILLIS));
        JsonNode history = cancelled.get("history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("from").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(last.get("to").asString()).isEqualTo("CANCELLED");
        assertThat(last.get("actor").asString()).isEqualTo("system");
        assertThat(last.get("note").asString()).contains("30 minutes");
        assertStock(stock, skuId, 6, 0);
        assertThat(market.available(skuId)).isEqualTo(6);
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);

        timeouts.run();
        assertStock(stock, skuId, 6, 0);
        assertThat(order(buyer, orderId).get("history")).as("a second run changes nothing").hasSize(history.size());
    }

    @Test
    void payingAfterTheDeadlineIsRefused() {
        long orderId = OrderSteps.placedOrderId(market.checkout(buyer, skuId, 1));
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));

        assertConflict(buyer.create("/api/v1/orders/" + orderId + "/payment", null), "was not paid by");
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);
        assertThat(OrderSteps.postings(buyer, orderId)).isEmpty();
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isZero();

        timeouts.run();
        assertThat(status(buyer, orderId)).isEqualTo("CANCELLED");
        assertStock(stock, skuId, 6, 0);
        assertConflict(buyer.create("/api/v1/orders/" + orderId + "/payment", null), "cancelled");
        assertThat(market.walletBalance(buyer)).isEqualTo(FUNDS);
    }

    @Test
    void deliveredOrderCompletesAndSettlesSevenDaysAfterDelivery() {
        long orderId = OrderSteps.deliveredOrder(market, buyer, seller.api(), skuId, 2);
        Instant deliveredAt = instant(order(buyer, orderId), "deliveredAt");
        Supplier<Api> buyerAgain = OrderSteps.relogin(market, buyer);
        Supplier<Api> sellerAgain = OrderSteps.relogin(market, seller.api());

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        timeouts.run();
        assertThat(status(buyer, orderId)).isEqualTo("DELIVERED");
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isEqualTo(10_000);

        clock.advance(Duration.ofMinutes(1));
        timeouts.run();
        Api buyerNow = buyerAgain.get();
        Api sellerNow = sellerAgain.get();
        JsonNode completed = order(buyerNow, orderId);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(instant(completed, "completedAt")).isCloseTo(deliveredAt.plus(Duration.ofDays(7)), within(1, ChronoUnit.MILLIS));
        JsonNode last = completed.get("history").get(completed.get("history").size() - 1);
        assertThat(last.get("from").asString()).isEqualTo("DELIVERED");
        assertThat(last.get("actor").asString()).isEqualTo("system");
        assertThat(completed.get("feeMinor").asLong()).isEqualTo(60);
        assertThat(market.sellerBalance(sellerNow, "ESCROW")).isZero();
        assertThat(market.sellerBalance(sellerNow, "MERCHANT")).isEqualTo(10_000 - 60);
        JsonNode settlement = posting(balancedPostings(buyerNow, orderId), "SETTLEMENT");
        assertThat(entry(settlement, "MERCHANT", sellerId)).isEqualTo(10_000 - 60);
        assertConflict(buyerNow.create("/api/v1/orders/" + orderId + "/receipt-confirmation", null), "completed");
    }

    @Test
    void deliveredOrderWithAPendingReturnDoesNotCompleteUntilTheReturnIsDecided() {
        long orderId = OrderSteps.deliveredOrder(market, buyer, seller.api(), skuId, 2);
        Supplier<Api> sellerAgain = OrderSteps.relogin(market, seller.api());
        clock.advance(Duration.ofDays(6));
        Api.Response requested = buyer.create("/api/v1/orders/" + orderId + "/refunds", Map.of("reason", "it rattles"));
        assertThat(requested.status()).as("return: %s", requested).isEqualTo(201);
        long refundId = requested.id();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        timeouts.run();
        Api sellerNow = sellerAgain.get();
        JsonNode waiting = order(sellerNow, orderId);
        assertThat(waiting.get("status").asString()).as("a pending return holds the order open").isEqualTo("DELIVERED");
        assertThat(waiting.get("refunds").get(0).get("status").asString()).isEqualTo("REQUESTED");
        assertThat(market.sellerBalance(sellerNow, "ESCROW")).isEqualTo(10_000);
        assertThat(market.sellerBalance(sellerNow, "MERCHANT")).isZero();

        Api.Response rejected = sellerNow.create("/api/v1/refunds/" + refundId + "/rejection",
                Map.of("note", "no fault found"));
        assertThat(rejected.status()).as("rejection: %s", rejected).isEqualTo(200);
        timeouts.run();
        assertThat(status(sellerNow, orderId)).as("completes once the return is decided").isEqualTo("COMPLETED");
        assertThat(market.sellerBalance(sellerNow, "MERCHANT")).isEqualTo(10_000 - 60);
    }
}
