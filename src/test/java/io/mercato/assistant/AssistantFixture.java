package io.mercato.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;

/**
 * The assistant's test data: a store with titled products, buyers with orders in each state, and the calls the tests
 * make. Register it with {@code @RegisterExtension} in a {@code @MercatoTest} class.
 */
final class AssistantFixture extends MarketFixture implements BeforeEachCallback {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    @Override
    public void beforeEach(ExtensionContext context) {
        bindTo(context);
    }

    /** A listed product with one SKU; returns the SKU id. */
    long product(Seller seller, long categoryId, String title, long priceMinor, Map<String, String> attributes) {
        Api.Response product = seller.api().create("/api/v1/stores/" + seller.storeId() + "/products", Map.of(
                "title", title, "description", title + " " + SEQUENCE.incrementAndGet(),
                "categoryId", categoryId, "images", List.of("https://img.example.com/p.jpg"),
                "skus", List.of(Map.of("attributes", attributes, "priceMinor", priceMinor, "initialStock", 100))));
        assertThat(product.status()).as("product: %s", product).isEqualTo(201);
        Api.Response listed = seller.api().post("/api/v1/products/" + product.id() + "/listing", null);
        assertThat(listed.status()).as("listing: %s", listed).isEqualTo(200);
        return listed.json().get("skus").get(0).get("id").asLong();
    }

    long namedCategory(String name, int commissionBasisPoints) {
        Api.Response category = operator().create("/api/v1/operator/categories",
                Map.of("name", name + " " + SEQUENCE.incrementAndGet(), "commissionBasisPoints", commissionBasisPoints));
        assertThat(category.status()).as("category: %s", category).isEqualTo(201);
        return category.id();
    }

    long unpaidOrder(Api buyer, long skuId) {
        Api.Response placed = checkout(buyer, skuId, 1);
        assertThat(placed.status()).as("checkout: %s", placed).isEqualTo(201);
        return placed.json().get("orders").get(0).get("id").asLong();
    }

    void ship(Api seller, long orderId, String trackingNumber) {
        Api.Response shipped = seller.create("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", trackingNumber));
        assertThat(shipped.status()).as("shipment: %s", shipped).isEqualTo(200);
    }

    JsonNode ask(Api buyer, String question) {
        Api.Response answer = buyer.post("/api/v1/assistant/questions", Map.of("question", question));
        assertThat(answer.status()).as("answer to %s: %s", question, answer).isEqualTo(200);
        return answer.json();
    }

    /** Waits (at most 60 s: indexing lags on a busy machine) until the search finds this many products for the words. */
    void awaitSearchable(String words, long atLeast) {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            Api.Response found = anonymous().get("/api/v1/search?q=" + java.net.URLEncoder.encode(words,
                    java.nio.charset.StandardCharsets.UTF_8));
            if (found.status() == 200 && found.json().get("total").asLong() >= atLeast) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the search never found " + atLeast + " products for " + words);
    }

    static List<String> tools(JsonNode answer) {
        return answer.get("tools").valueStream().map(t -> t.get("name").asString()).toList();
    }
}
