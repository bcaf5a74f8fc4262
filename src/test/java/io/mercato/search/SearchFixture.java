package io.mercato.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Builds titled products through the HTTP API and asks the search API about them. */
final class SearchFixture {

    final MarketFixture market;

    SearchFixture(int port) {
        this.market = new MarketFixture(port);
    }

    long brand(Api seller, String name) {
        Api.Response brand = seller.create("/api/v1/brands", Map.of("name", name));
        assertThat(brand.status()).as("brand: %s", brand).isEqualTo(201);
        return brand.id();
    }

    long category(String name, @Nullable Long parent) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "commissionBasisPoints", 200));
        if (parent != null) {
            body.put("parentId", parent);
        }
        Api.Response category = market.operator().create("/api/v1/operator/categories", body);
        assertThat(category.status()).as("category: %s", category).isEqualTo(201);
        return category.id();
    }

    record Variant(Map<String, String> attributes, long priceMinor, long stock) {
    }

    /** A listed product; returns its JSON. */
    JsonNode product(Seller seller, String title, long categoryId, @Nullable Long brandId, List<Variant> variants) {
        JsonNode draft = draft(seller, title, categoryId, brandId, variants);
        Api.Response listed = seller.api().post("/api/v1/products/" + draft.get("id").asLong() + "/listing", null);
        assertThat(listed.status()).as("listing: %s", listed).isEqualTo(200);
        return listed.json();
    }

    JsonNode draft(Seller seller, String title, long categoryId, @Nullable Long brandId, List<Variant> variants) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "description", "", "categoryId", categoryId,
                "images", List.of("https://img.example.com/p.jpg"),
                "skus", variants.stream().map(v -> Map.of("attributes", v.attributes(), "priceMinor", v.priceMinor(),
                        "initialStock", v.stock())).toList()));
        if (brandId != null) {
            body.put("brandId", brandId);
        }
        Api.Response product = seller.api().create("/api/v1/stores/" + seller.storeId() + "/products", body);
        assertThat(product.status()).as("product: %s", product).isEqualTo(201);
        return product.json();
    }

    long product(Seller seller, String title, long categoryId) {
        return product(seller, title, categoryId, null, List.of(new Variant(Map.of("colour", "red"), 9900, 10)))
                .get("id").asLong();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    JsonNode search(String query) {
        Api.Response response = market.anonymous().get("/api/v1/search?" + query);
        assertThat(response.status()).as("search %s: %s", query, response).isEqualTo(200);
        return response.json();
    }

    JsonNode searchText(String text, String more) {
        return search("q=" + encode(text) + (more.isEmpty() ? "" : "&" + more));
    }

    static List<Long> ids(JsonNode result) {
        List<Long> ids = new ArrayList<>();
        result.get("hits").forEach(hit -> ids.add(hit.get("productId").asLong()));
        return ids;
    }

    /** Polls the search until the condition holds or the deadline passes; returns the last result. */
    JsonNode awaitSearch(String query, Predicate<JsonNode> condition, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        JsonNode last;
        do {
            last = search(query);
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < end);
        return last;
    }
}
