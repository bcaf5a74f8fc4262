package io.mercato.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.ordering.OrderEvents.RefundApproved;
import io.mercato.platform.Money;
import io.mercato.reviews.ReviewPosted;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Engagement points: one per whole RMB paid, taken back by refunds, ten per review, five per day's check-in; each
 * award booked once per source however often its event arrives.
 */
@MercatoTest
class PointsIT {

    @RegisterExtension
    final MembershipFixture market = new MembershipFixture();

    private JsonNode history(Api buyer) {
        return buyer.get("/api/v1/membership/points").json().get("history");
    }

    @Test
    void aPaidOrderEarnsOnePointPerWholeRmbOnce() {
        Api buyer = market.buyer(100_000);
        long sku = market.sku(12_399);
        long orderId = market.paidOrder(buyer, sku, 2);

        assertThat(market.points(buyer)).as("RMB 247.98 paid").isEqualTo(247);
        JsonNode entry = history(buyer).get(0);
        assertThat(entry.get("source").asString()).isEqualTo("order:" + orderId);
        assertThat(entry.get("reason").asString()).isEqualTo("ORDER_PAID");

        // Delivery is at least once: the same event again books nothing more.
        long buyerId = market.accountId(buyer);
        market.publish(new OrderPaid(orderId, buyerId, 1, Money.of(24_798, "CNY"), List.of()));
        assertThat(market.points(buyer)).isEqualTo(247);
    }

    @Test
    void refundsTakeBackThePointsOfTheMoneyReturnedAndAFullRefundAllOfThem() {
        Api buyer = market.buyer(100_000);
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 999, 100);
        long orderId = market.paidOrder(buyer, sku, 2);
        assertThat(market.points(buyer)).as("RMB 19.98").isEqualTo(19);
        long line = market.lineId(buyer, orderId);

        Api.Response one = buyer.create("/api/v1/orders/" + orderId + "/refunds",
                Map.of("reason", "one too many", "items", List.of(Map.of("lineId", line, "quantity", 1))));
        assertThat(one.status()).as("%s", one).isEqualTo(201);
        assertThat(market.points(buyer)).as("RMB 9.99 back: 9 points").isEqualTo(10);

        Api.Response rest = buyer.create("/api/v1/orders/" + orderId + "/refunds", Map.of("reason", "changed my mind"));
        assertThat(rest.status()).as("%s", rest).isEqualTo(201);
        assertThat(market.points(buyer)).as("all RMB 19.98 back: every point of the order").isZero();

        // A refund event delivered twice takes back nothing more.
        market.publish(new RefundApproved(rest.id(), orderId, Money.of(999, "CNY")));
        assertThat(market.points(buyer)).isZero();
    }

    @Test
    void aReviewEarnsTenPointsOnce() {
        Api buyer = market.buyer(10_000);
        long buyerId = market.accountId(buyer);
        market.publish(new ReviewPosted(-buyerId, buyerId, 1, 1));
        market.publish(new ReviewPosted(-buyerId, buyerId, 1, 1));
        assertThat(market.points(buyer)).isEqualTo(EngagementPoints.REVIEW);
    }

    @Test
    void aCheckInEarnsFivePointsOncePerDay() {
        Api buyer = market.buyer(0);
        Api.Response first = buyer.create("/api/v1/membership/check-ins", null);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("points").asLong()).isEqualTo(EngagementPoints.CHECK_IN);
        assertThat(buyer.get("/api/v1/membership/points").json().get("checkedInToday").asBoolean()).isTrue();

        Api.Response again = buyer.create("/api/v1/membership/check-ins", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already");
        assertThat(market.points(buyer)).isEqualTo(5);

        market.clock().advance(Duration.ofDays(1));
        assertThat(buyer.create("/api/v1/membership/check-ins", null).status()).isEqualTo(201);
        assertThat(market.points(buyer)).isEqualTo(10);
        assertThat(history(buyer)).extracting(e -> e.get("reason").asString()).containsExactly("CHECK_IN", "CHECK_IN");
    }

    @Test
    void onlyBuyersHavePoints() {
        assertThat(market.account("SELLER").create("/api/v1/membership/check-ins", null).status()).isEqualTo(403);
        assertThat(market.anonymous().get("/api/v1/membership/points").status()).isEqualTo(401);
        assertThat(market.buyer(0).get("/api/v1/membership/points?limit=0").status()).isEqualTo(400);
    }
}
