package io.mercato.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.search.SearchFixture.Variant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every kind of catalog, stock and order change shows in search results within one second. */
@MercatoTest
class SearchFreshnessIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    @LocalServerPort
    int port;

    SearchFixture fixture;
    Seller seller;
    long category;

    @BeforeEach
    void setUp() {
        fixture = new SearchFixture(port);
        seller = fixture.market.seller("TAOBAO");
        category = fixture.category("Freshness " + System.nanoTime(), null);
    }

    /** A word no other product has: letters only, so it is one token. */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("fresh");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private JsonNode await(String query, java.util.function.Predicate<JsonNode> condition) {
        long started = System.nanoTime();
        JsonNode result = fixture.awaitSearch(query, condition, WITHIN);
        assertThat(condition.test(result)).as("%s within %s: %s", query, WITHIN, result).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThanOrEqualTo(WITHIN.plusMillis(200));
        return result;
    }

    @Test
    void listedEditedAndDelistedProductsShowWithinASecond() {
        String word = uniqueWord();
        JsonNode draft = fixture.draft(seller, "Lamp " + word, category, null,
                List.of(new Variant(Map.of("colour", "white"), 5000, 3)));
        long id = draft.get("id").asLong();
        assertThat(fixture.searchText(word, "").get("total").asLong()).as("drafts are not searchable").isZero();

        assertThat(seller.api().post("/api/v1/products/" + id + "/listing", null).status()).isEqualTo(200);
        await("q=" + word, r -> SearchFixture.ids(r).equals(List.of(id)));

        String renamed = uniqueWord();
        assertThat(seller.api().patch("/api/v1/products/" + id, Map.of("title", "Desk lamp " + renamed)).status()).isEqualTo(200);
        await("q=" + renamed, r -> SearchFixture.ids(r).equals(List.of(id)));
        assertThat(fixture.searchText(word, "").get("total").asLong()).isZero();

        assertThat(seller.api().post("/api/v1/products/" + id + "/delisting", null).status()).isEqualTo(200);
        await("q=" + renamed, r -> r.get("total").asLong() == 0);
    }

    @Test
    void soldOutAndRestockedProductsShowWithinASecond() {
        String word = uniqueWord();
        JsonNode product = fixture.product(seller, "Teapot " + word, category, null,
                List.of(new Variant(Map.of("colour", "blue"), 3000, 1)));
        long id = product.get("id").asLong();
        long sku = product.get("skus").get(0).get("id").asLong();
        await("q=" + word + "&inStock=true", r -> SearchFixture.ids(r).equals(List.of(id)));

        Api buyer = fixture.market.buyer(100_000);
        Api.Response placed = fixture.market.checkout(buyer, sku, 1);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        await("q=" + word + "&inStock=true", r -> r.get("total").asLong() == 0);
        JsonNode soldOut = fixture.searchText(word, "");
        assertThat(soldOut.get("hits").get(0).get("inStock").asBoolean()).as("sold out still shows, marked").isFalse();

        long orderId = placed.json().get("orders").get(0).get("id").asLong();
        assertThat(buyer.post("/api/v1/orders/" + orderId + "/cancellation", Map.of("reason", "changed my mind")).status())
                .isEqualTo(200);
        await("q=" + word + "&inStock=true", r -> SearchFixture.ids(r).equals(List.of(id)));

        assertThat(seller.api().put("/api/v1/skus/" + sku + "/stock", Map.of("onHand", 0)).status()).isEqualTo(200);
        await("q=" + word + "&inStock=true", r -> r.get("total").asLong() == 0);
        assertThat(seller.api().put("/api/v1/skus/" + sku + "/stock", Map.of("onHand", 8)).status()).isEqualTo(200);
        await("q=" + word + "&inStock=true", r -> SearchFixture.ids(r).equals(List.of(id)));
    }

    @Test
    void salesCountWithinASecondAndLiftTheSellerInRanking() {
        String word = uniqueWord();
        long quiet = fixture.product(seller, "Kettle " + word, category);
        JsonNode popular = fixture.product(seller, "Kettle " + word, category, null,
                List.of(new Variant(Map.of("colour", "red"), 9900, 10)));
        long popularId = popular.get("id").asLong();
        await("q=" + word, r -> r.get("total").asLong() == 2);

        Api buyer = fixture.market.buyer(1_000_000);
        fixture.market.paidOrder(buyer, popular.get("skus").get(0).get("id").asLong(), 3);
        JsonNode ranked = await("q=" + word, r -> r.get("hits").get(0).get("sales").asLong() == 3);
        assertThat(SearchFixture.ids(ranked)).containsExactly(popularId, quiet);
        assertThat(SearchFixture.ids(fixture.searchText(word, "sort=sales"))).containsExactly(popularId, quiet);
    }
}
