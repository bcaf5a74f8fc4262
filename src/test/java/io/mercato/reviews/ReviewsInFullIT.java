package io.mercato.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.membership.MembershipFixture;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Reviews in full over the API: the store's three ratings given with a review and averaged per store, pictures, one
 * follow-up by the buyer, one reply by the store's seller, sorting and filters, and the operator hiding a review,
 * which takes it out of every average and public list.
 */
@MercatoTest
class ReviewsInFullIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    final MembershipFixture market = new MembershipFixture();

    record Bought(Api buyer, long orderId, long lineId) {
    }

    private Bought buy(Seller seller, long sku) {
        Api buyer = market.buyer(100_000);
        long orderId = market.paidOrder(buyer, sku, 1);
        market.deliver(seller.api(), orderId);
        return new Bought(buyer, orderId, market.lineId(buyer, orderId));
    }

    private static Api.Response review(Bought b, int rating, int description, int service, int logistics,
            List<String> images, String text) {
        Map<String, Object> body = new HashMap<>(Map.of("lineId", b.lineId(), "rating", rating, "text", text,
                "description", description, "service", service, "logistics", logistics));
        body.put("images", images);
        return b.buyer().create("/api/v1/orders/" + b.orderId() + "/reviews", body);
    }

    private static String upload(Api api, Color colour) throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(api.uri("/api/v1/images"))
                .header("Content-Type", "image/png").header("Authorization", "Bearer " + api.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        return Api.JSON.readTree(uploaded.body()).get("id").asString();
    }

    @Test
    void storeRatingsPicturesFollowUpAndReplyShowWhereBuyersLook() throws Exception {
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 3_000, 100);
        Bought first = buy(seller, sku);
        Bought second = buy(seller, sku);
        String picture = upload(first.buyer(), Color.RED);

        Api.Response posted = review(first, 5, 5, 4, 3, List.of(picture), "Lovely colour");
        assertThat(posted.status()).as("%s", posted).isEqualTo(201);
        assertThat(posted.json().get("scores").get("service").asInt()).isEqualTo(4);
        assertThat(posted.json().get("images").get(0).asString()).isEqualTo("/media/" + picture + "/medium.jpg");
        assertThat(posted.json().get("storeId").asLong()).isEqualTo(seller.storeId());
        assertThat(review(second, 2, 4, 3, 4, List.of(), "Arrived late").status()).isEqualTo(201);

        JsonNode storeRating = market.anonymous().get("/api/v1/stores/" + seller.storeId() + "/rating").json();
        assertThat(storeRating.get("count").asLong()).isEqualTo(2);
        assertThat(storeRating.get("descriptionTenths").asInt()).as("(5 + 4) / 2").isEqualTo(45);
        assertThat(storeRating.get("serviceTenths").asInt()).as("(4 + 3) / 2 = 3.5").isEqualTo(35);
        assertThat(storeRating.get("logisticsTenths").asInt()).isEqualTo(35);

        long reviewId = posted.json().get("id").asLong();
        Api.Response followUp = first.buyer().post("/api/v1/reviews/" + reviewId + "/follow-up",
                Map.of("text", "Still like it after a month"));
        assertThat(followUp.status()).as("%s", followUp).isEqualTo(200);
        assertThat(followUp.json().get("followUp").asString()).isEqualTo("Still like it after a month");
        assertThat(first.buyer().post("/api/v1/reviews/" + reviewId + "/follow-up", Map.of("text", "again")).status())
                .as("one follow-up per review").isEqualTo(409);
        assertThat(second.buyer().post("/api/v1/reviews/" + reviewId + "/follow-up", Map.of("text", "x")).status())
                .as("not the reviewer's").isEqualTo(404);

        Seller stranger = market.seller("TAOBAO");
        assertThat(stranger.api().post("/api/v1/reviews/" + reviewId + "/reply", Map.of("text", "Thanks")).status())
                .as("another store's seller").isEqualTo(404);
        Api.Response blank = seller.api().post("/api/v1/reviews/" + reviewId + "/reply", Map.of("text", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("text");
        Api.Response reply = seller.api().post("/api/v1/reviews/" + reviewId + "/reply", Map.of("text", "Thank you!"));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().get("reply").asString()).isEqualTo("Thank you!");
        assertThat(seller.api().post("/api/v1/reviews/" + reviewId + "/reply", Map.of("text", "Again")).status())
                .isEqualTo(409);

        long productId = first.buyer().get("/api/v1/orders/" + first.orderId()).json().get("lines").get(0)
                .get("productId").asLong();
        JsonNode lowest = market.anonymous().get("/api/v1/products/" + productId + "/reviews/page?sort=LOWEST").json();
        assertThat(ratings(lowest)).containsExactly(2, 5);
        JsonNode highest = market.anonymous().get("/api/v1/products/" + productId + "/reviews/page?sort=highest").json();
        assertThat(ratings(highest)).containsExactly(5, 2);
        JsonNode withPictures = market.anonymous().get("/api/v1/products/" + productId + "/reviews/page?pictures=true").json();
        assertThat(withPictures.get("total").asLong()).isEqualTo(1);
        assertThat(withPictures.get("items").get(0).get("reply").asString()).isEqualTo("Thank you!");
        JsonNode twoStars = market.anonymous().get("/api/v1/products/" + productId + "/reviews/page?stars=2").json();
        assertThat(ratings(twoStars)).containsExactly(2);
        JsonNode summary = market.anonymous().get("/api/v1/products/" + productId + "/reviews").json();
        assertThat(summary.get("withPictures").asLong()).isEqualTo(1);
        assertThat(summary.get("byStars").get(1).asLong()).as("one two-star review").isEqualTo(1);
        assertThat(market.anonymous().get("/api/v1/products/" + productId + "/reviews/page?sort=BEST").status())
                .isEqualTo(400);
        assertThat(market.anonymous().get("/api/v1/products/" + productId + "/reviews/page?stars=6").status())
                .isEqualTo(400);
        assertThat(market.anonymous().get("/api/v1/products/" + productId + "/reviews/page?size=51").status())
                .isEqualTo(400);

        JsonNode forSeller = seller.api().get("/api/v1/stores/" + seller.storeId() + "/reviews?unanswered=true").json();
        assertThat(forSeller.get("total").asLong()).as("the two-star review awaits a reply").isEqualTo(1);
        assertThat(stranger.api().get("/api/v1/stores/" + seller.storeId() + "/reviews").status()).isEqualTo(403);
    }

    @Test
    void aHiddenReviewLeavesEveryAverageAndPublicListButItsBuyerStillSeesIt() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 2_000, 100);
        Bought kind = buy(seller, sku);
        Bought abusive = buy(seller, sku);
        assertThat(review(kind, 5, 5, 5, 5, List.of(), "Great").status()).isEqualTo(201);
        Api.Response bad = review(abusive, 1, 1, 1, 1, List.of(), "abusive words");
        long abusiveId = bad.id();
        long productId = abusive.buyer().get("/api/v1/orders/" + abusive.orderId()).json().get("lines").get(0)
                .get("productId").asLong();
        assertThat(market.anonymous().get("/api/v1/products/" + productId + "/reviews").json().get("averageTenths")
                .asInt()).isEqualTo(30);

        assertThat(seller.api().post("/api/v1/reviews/" + abusiveId + "/hide", Map.of("reason", "abuse")).status())
                .as("only operators hide").isEqualTo(403);
        Api.Response noReason = market.operator().post("/api/v1/reviews/" + abusiveId + "/hide", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        Api.Response hidden = market.operator().post("/api/v1/reviews/" + abusiveId + "/hide",
                Map.of("reason", "Insults the seller"));
        assertThat(hidden.status()).as("%s", hidden).isEqualTo(200);
        assertThat(hidden.json().get("hidden").asBoolean()).isTrue();

        JsonNode rating = market.anonymous().get("/api/v1/products/" + productId + "/reviews").json();
        assertThat(rating.get("count").asLong()).isEqualTo(1);
        assertThat(rating.get("averageTenths").asInt()).isEqualTo(50);
        JsonNode store = market.anonymous().get("/api/v1/stores/" + seller.storeId() + "/rating").json();
        assertThat(store.get("serviceTenths").asInt()).isEqualTo(50);
        assertThat(ratings(market.anonymous().get("/api/v1/products/" + productId + "/reviews/page?sort=LOWEST").json()))
                .containsExactly(5);
        JsonNode own = abusive.buyer().get("/api/v1/orders/" + abusive.orderId() + "/reviews").json();
        assertThat(own.get(0).get("hidden").asBoolean()).isTrue();
        JsonNode queue = market.operator().get("/api/v1/reviews?hidden=true&size=50").json();
        assertThat(queue.get("items").findValuesAsString("id")).contains(String.valueOf(abusiveId));

        assertThat(market.operator().post("/api/v1/reviews/" + abusiveId + "/unhide", null).status()).isEqualTo(200);
        assertThat(market.anonymous().get("/api/v1/products/" + productId + "/reviews").json().get("count").asLong())
                .isEqualTo(2);
    }

    @Test
    void storeRatingsComeAllThreeOrNotAtAllAndPicturesMustBeUploads() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 2_000, 100);
        Bought b = buy(seller, sku);
        Api.Response partial = b.buyer().create("/api/v1/orders/" + b.orderId() + "/reviews",
                Map.of("lineId", b.lineId(), "rating", 4, "description", 5));
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.body()).contains("service");
        Api.Response outOfRange = review(b, 4, 5, 6, 5, List.of(), "");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("service");
        Api.Response fake = review(b, 4, 5, 5, 5, List.of("a".repeat(64)), "");
        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.body()).contains("images");
        Api.Response chinese = b.buyer().in("zh-CN").create("/api/v1/orders/" + b.orderId() + "/reviews",
                Map.of("lineId", b.lineId(), "rating", 4, "description", 5));
        assertThat(chinese.json().get("detail").asString()).contains("描述相符");
        assertThat(market.anonymous().get("/api/v1/stores/" + seller.storeId() + "/rating").json().get("count").asLong())
                .as("nothing half-written").isZero();
        assertThat(review(b, 4, 5, 5, 5, List.of(), "").status()).isEqualTo(201);
    }

    private static List<Integer> ratings(JsonNode page) {
        List<Integer> ratings = new ArrayList<>();
        page.get("items").forEach(item -> ratings.add(item.get("rating").asInt()));
        return ratings;
    }
}
