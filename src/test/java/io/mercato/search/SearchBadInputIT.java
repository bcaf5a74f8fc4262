package io.mercato.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Whatever a client sends, search answers 200 or a 4xx problem naming the field, never a 500. */
@MercatoTest
class SearchBadInputIT {

    @LocalServerPort
    int port;

    SearchFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SearchFixture(port);
    }

    private Api.Response get(String query) {
        return fixture.market.anonymous().get("/api/v1/search?" + query);
    }

    private void rejects(String query, String field) {
        Api.Response response = get(query);
        assertThat(response.status()).as("%s: %s", query, response).isEqualTo(400);
        assertThat(response.body()).as(query).contains(field);
    }

    @Test
    void emptyAndSymbolOnlyQueriesAreAnswered() {
        assertThat(get("").status()).isEqualTo(200);
        assertThat(get("q=").status()).isEqualTo(200);
        assertThat(get("q=%20%20").status()).isEqualTo(200);
        Api.Response symbols = get("q=" + SearchFixture.encode("+-&&||!(){}[]^\"~*?:\\/ AND OR NOT title:x* ~2"));
        assertThat(symbols.status()).as(symbols.toString()).isEqualTo(200);
        Api.Response only = get("q=" + SearchFixture.encode("+-!(){}[]^\"~*?:\\/"));
        assertThat(only.status()).as(only.toString()).isEqualTo(200);
        assertThat(only.json().get("total").asLong()).isZero();
        assertThat(get("q=" + SearchFixture.encode("\u0000\uD83D\uDE00 <script>")).status()).isEqualTo(200);
    }

    @Test
    void hugeQueriesAreRefused() {
        rejects("q=" + "a".repeat(10_240), "q");
        rejects("q=" + SearchFixture.encode("手机 ".repeat(3000)), "q");
    }

    @Test
    void invalidFiltersAreRefused() {
        rejects("q=x&sort=cheapest", "sort");
        rejects("q=x&kind=bazaar", "kind");
        rejects("q=x&minPrice=abc", "minPrice");
        rejects("q=x&minPrice=500&maxPrice=100", "minPrice");
        rejects("q=x&minPrice=-1", "minPrice");
        rejects("q=x&attr=colour", "attr");
        rejects("q=x&attr=:red", "attr");
        rejects("q=x&category=notanumber", "category");
        rejects("q=x&size=0", "size");
        rejects("q=x&size=101", "size");
        rejects("q=x&page=-1", "page");
        rejects("q=x&page=99999999999", "page");
        rejects("q=x&page=600", "page");
    }

    @Test
    void pagesPastTheEndAreEmpty() {
        JsonNode page = fixture.search("q=zzqqxxnotaword&page=40&size=20");
        assertThat(page.get("hits").size()).isZero();
        JsonNode unknownCategory = fixture.search("category=987654321");
        assertThat(unknownCategory.get("total").asLong()).isZero();
    }

    @Test
    void synonymsAreEditedByOperatorsAndApplyAtOnce() {
        Api operator = fixture.market.operator();
        String left = "synleft" + System.nanoTime() % 100000;
        String right = "synright" + System.nanoTime() % 100000;
        Api.Response bad = operator.post("/api/v1/operator/search/synonyms", Map.of("rule", "just one word"));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(fixture.market.account("SELLER").post("/api/v1/operator/search/synonyms", Map.of("rule", "a, b")).status())
                .isEqualTo(403);

        var seller = fixture.market.seller("TAOBAO");
        long category = fixture.category("Synonyms " + System.nanoTime(), null);
        long product = fixture.product(seller, "Shelf " + right, category);
        fixture.awaitSearch("q=" + right, r -> r.get("total").asLong() == 1, java.time.Duration.ofSeconds(5));
        assertThat(fixture.searchText(left, "").get("total").asLong()).isZero();

        Api.Response added = operator.post("/api/v1/operator/search/synonyms", Map.of("rule", left + ", " + right));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(SearchFixture.ids(fixture.searchText(left, ""))).containsExactly(product);
        assertThat(operator.get("/api/v1/operator/search/synonyms").body()).contains(left);

        assertThat(operator.delete("/api/v1/operator/search/synonyms/" + added.id()).status()).isEqualTo(204);
        assertThat(fixture.searchText(left, "").get("total").asLong()).isZero();
        assertThat(operator.delete("/api/v1/operator/search/synonyms/" + added.id()).status()).isEqualTo(404);
    }
}
