package io.mercato.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.membership.MembershipFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Reviews: only of a delivered or completed order's line, by its buyer, once, rated 1 to 5; shown on the product. */
@MercatoTest
class ReviewsIT {

    @RegisterExtension
    final MembershipFixture market = new MembershipFixture();

    record Bought(Api buyer, Seller seller, long productId, long orderId, long lineId) {
    }

    private Bought bought(boolean delivered) {
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 5_000, 100);
        Api buyer = market.buyer(10_000);
        long orderId = market.paidOrder(buyer, sku, 1);
        if (delivered) {
            market.deliver(seller.api(), orderId);
        }
        JsonNode line = buyer.get("/api/v1/orders/" + orderId).json().get("lines").get(0);
        return new Bought(buyer, seller, line.get("productId").asLong(), orderId, line.get("id").asLong());
    }

    private Api.Response review(Api buyer, long orderId, Object body) {
        return buyer.create("/api/v1/orders/" + orderId + "/reviews", body);
    }

    @Test
    void aBuyerReviewsADeliveredProductOnceAndThePageShowsTheRating() {
        Bought first = bought(true);
        long pointsBefore = market.points(first.buyer());

        Api.Response posted = review(first.buyer(), first.orderId(),
                Map.of("lineId", first.lineId(), "rating", 4, "text", "  Sturdy and as described.  "));

        assertThat(posted.status()).as("%s", posted).isEqualTo(201);
        assertThat(posted.json().get("text").asString()).isEqualTo("Sturdy and as described.");
        assertThat(market.points(first.buyer())).as("ten points for a review").isEqualTo(pointsBefore + 10);
        Api.Response twice = review(first.buyer(), first.orderId(), Map.of("lineId", first.lineId(), "rating", 5));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("reviewed already");

        JsonNode rating = market.anonymous().get("/api/v1/products/" + first.productId() + "/reviews").json();
        assertThat(rating.get("count").asLong()).isEqualTo(1);
        assertThat(rating.get("averageTenths").asInt()).isEqualTo(40);
        assertThat(rating.get("latest").get(0).get("rating").asInt()).isEqualTo(4);
        assertThat(first.buyer().get("/api/v1/orders/" + first.orderId() + "/reviews").json()).hasSize(1);
        assertThat(first.seller().api().get("/api/v1/orders/" + first.orderId() + "/reviews").status()).isEqualTo(200);
    }

    @Test
    void theAverageRoundsToATenthOfAStar() {
        Bought a = bought(true);
        assertThat(review(a.buyer(), a.orderId(), Map.of("lineId", a.lineId(), "rating", 5)).status()).isEqualTo(201);
        // A second buyer of the same product.
        Api other = market.buyer(10_000);
        long sku = market.anonymous().get("/api/v1/products/" + a.productId()).json().get("skus").get(0).get("id").asLong();
        long orderId = market.paidOrder(other, sku, 1);
        market.deliver(a.seller().api(), orderId);
        long line = market.lineId(other, orderId);
        assertThat(review(other, orderId, Map.of("lineId", line, "rating", 4)).status()).isEqualTo(201);
        Api third = market.buyer(10_000);
        long thirdOrder = market.paidOrder(third, sku, 1);
        market.deliver(a.seller().api(), thirdOrder);
        assertThat(review(third, thirdOrder, Map.of("lineId", market.lineId(third, thirdOrder), "rating", 4)).status())
                .isEqualTo(201);
        JsonNode rating = market.anonymous().get("/api/v1/products/" + a.productId() + "/reviews?limit=2").json();
        assertThat(rating.get("count").asLong()).isEqualTo(3);
        assertThat(rating.get("averageTenths").asInt()).as("13 / 3 = 4.33").isEqualTo(43);
        assertThat(rating.get("latest")).hasSize(2);
    }

    @Test
    void reviewsOfWhatWasNotBoughtOrNotYetDeliveredOrOutOfRangeAreRefused() {
        Bought notDelivered = bought(false);
        Api.Response early = review(notDelivered.buyer(), notDelivered.orderId(),
                Map.of("lineId", notDelivered.lineId(), "rating", 5));
        assertThat(early.status()).isEqualTo(409);

        Bought b = bought(true);
        Api stranger = market.buyer(0);
        assertThat(review(stranger, b.orderId(), Map.of("lineId", b.lineId(), "rating", 5)).status())
                .as("someone else's order").isEqualTo(403);
        assertThat(review(b.seller().api(), b.orderId(), Map.of("lineId", b.lineId(), "rating", 5)).status())
                .isEqualTo(403);
        Api.Response otherLine = review(b.buyer(), b.orderId(), Map.of("lineId", notDelivered.lineId(), "rating", 5));
        assertThat(otherLine.status()).as("a line of another order").isEqualTo(400);
        assertThat(otherLine.body()).contains("lineId");
        for (int rating : new int[] {0, 6, -1}) {
            Api.Response bad = review(b.buyer(), b.orderId(), Map.of("lineId", b.lineId(), "rating", rating));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("rating");
        }
        Api.Response noRating = review(b.buyer(), b.orderId(), Map.of("lineId", b.lineId()));
        assertThat(noRating.status()).isEqualTo(400);
        Api.Response tooLong = review(b.buyer(), b.orderId(),
                Map.of("lineId", b.lineId(), "rating", 3, "text", "x".repeat(Reviews.MAX_TEXT + 1)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("text");
        assertThat(review(b.buyer(), 999_999_999L, Map.of("lineId", b.lineId(), "rating", 5)).status()).isEqualTo(404);

        assertThat(market.anonymous().get("/api/v1/products/" + b.productId() + "/reviews").json().get("count").asLong())
                .as("nothing half-written").isZero();
        assertThat(review(b.buyer(), b.orderId(), Map.of("lineId", b.lineId(), "rating", 5)).status()).isEqualTo(201);
        assertThat(market.anonymous().get("/api/v1/products/999999999/reviews").status()).isEqualTo(404);
    }
}
