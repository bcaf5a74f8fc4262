package io.mercato.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.search.SearchFixture.Variant;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Facet counts from the index equal SQL counts over the same listed products. */
@MercatoTest
class SearchFacetsIT {

    private static final String SUBTREE = """
            WITH RECURSIVE tree(id) AS (SELECT CAST(:root AS BIGINT)
              UNION ALL SELECT c.id FROM catalog.categories c JOIN tree t ON c.parent_id = t.id)
            SELECT p.id FROM catalog.products p WHERE p.status = 'LISTED' AND p.category_id IN (SELECT id FROM tree)""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    SearchFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SearchFixture(port);
    }

    @Test
    void facetCountsEqualSqlCountsOverTheSameProducts() {
        long root = fixture.category("Facet root " + System.nanoTime(), null);
        long a = fixture.category("Facet A", root);
        long a1 = fixture.category("Facet A1", a);
        long b = fixture.category("Facet B", root);
        Seller taobao = fixture.market.seller("TAOBAO");
        Seller tmall = fixture.market.seller("TMALL");
        long brandX = fixture.brand(taobao.api(), "Facet brand X " + System.nanoTime());
        long brandY = fixture.brand(taobao.api(), "Facet brand Y " + System.nanoTime());
        long[] categories = {root, a, a1, b, a1, b};
        Long[] brands = {brandX, brandY, null};
        String[] colours = {"red", "blue", "green"};
        String[] sizes = {"S", "M", "L", "XL"};
        long[] prices = {990, 4_900, 12_000, 35_000, 80_000, 250_000, 990_000};
        for (int i = 0; i < 14; i++) {
            Seller seller = i % 3 == 0 ? tmall : taobao;
            List<Variant> variants = List.of(
                    new Variant(Map.of("colour", colours[i % 3], "size", sizes[i % 4]), prices[i % prices.length], i % 4 == 0 ? 0 : 5),
                    new Variant(Map.of("colour", colours[(i + 1) % 3], "size", sizes[(i + 2) % 4]), prices[i % prices.length] + 500,
                            i % 5 == 0 ? 0 : 2));
            fixture.product(seller, "Facet item " + i, categories[i % categories.length], brands[i % 3], variants);
        }
        fixture.draft(taobao, "Facet draft never listed", a, brandX, List.of(new Variant(Map.of("colour", "red"), 100, 1)));
        long delisted = fixture.product(taobao, "Facet delisted", b);
        assertThat(taobao.api().post("/api/v1/products/" + delisted + "/delisting", null).status()).isEqualTo(200);

        long expected = jdbc.sql("SELECT count(*) FROM (" + SUBTREE + ") x").param("root", root).query(Long.class).single();
        assertThat(expected).isEqualTo(14);
        JsonNode result = fixture.awaitSearch("category=" + root + "&size=1",
                r -> r.get("total").asLong() == expected, Duration.ofSeconds(10));
        assertThat(result.get("total").asLong()).isEqualTo(expected);
        JsonNode facets = result.get("facets");

        Map<Long, Long> categoryCounts = new HashMap<>();
        facets.get("categories").forEach(c -> categoryCounts.put(c.get("id").asLong(), c.get("count").asLong()));
        Map<Long, Long> sqlCategories = new HashMap<>();
        for (long child : new long[] {a, b}) {
            long count = jdbc.sql("SELECT count(*) FROM (" + SUBTREE + ") x").param("root", child).query(Long.class).single();
            sqlCategories.put(child, count);
        }
        assertThat(categoryCounts).isEqualTo(sqlCategories);

        Map<Long, Long> brandCounts = new HashMap<>();
        facets.get("brands").forEach(c -> brandCounts.put(c.get("id").asLong(), c.get("count").asLong()));
        Map<Long, Long> sqlBrands = new HashMap<>();
        jdbc.sql("SELECT brand_id, count(*) FROM catalog.products WHERE brand_id IS NOT NULL AND id IN (" + SUBTREE + ") GROUP BY brand_id")
                .param("root", root).query((rs, n) -> sqlBrands.put(rs.getLong(1), rs.getLong(2))).list();
        assertThat(brandCounts).isEqualTo(sqlBrands);

        Map<String, Long> kindCounts = new HashMap<>();
        facets.get("storeKinds").forEach(c -> kindCounts.put(c.get("value").asString(), c.get("count").asLong()));
        Map<String, Long> sqlKinds = new HashMap<>();
        jdbc.sql("""
                SELECT s.kind, count(*) FROM catalog.products p JOIN merchant.stores s ON s.id = p.store_id
                WHERE p.id IN (""" + SUBTREE + ") GROUP BY s.kind")
                .param("root", root).query((rs, n) -> sqlKinds.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(kindCounts).isEqualTo(sqlKinds);

        Map<String, Long> attributeCounts = new HashMap<>();
        facets.get("attributes").properties().forEach(entry -> entry.getValue().forEach(value ->
                attributeCounts.put(entry.getKey() + "=" + value.get("value").asString(), value.get("count").asLong())));
        Map<String, Long> sqlAttributes = new HashMap<>();
        jdbc.sql("""
                SELECT a.key || '=' || a.value, count(DISTINCT s.product_id)
                FROM catalog.skus s, jsonb_each_text(s.attributes) a WHERE s.product_id IN (""" + SUBTREE + ") GROUP BY 1")
                .param("root", root).query((rs, n) -> sqlAttributes.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(attributeCounts).isEqualTo(sqlAttributes);

        long sqlInStock = jdbc.sql("""
                SELECT count(*) FROM catalog.products p WHERE p.id IN (""" + SUBTREE + """
                ) AND EXISTS (SELECT 1 FROM catalog.skus s JOIN inventory.stock st ON st.sku_id = s.id
                              WHERE s.product_id = p.id AND st.on_hand - st.reserved > 0)""")
                .param("root", root).query(Long.class).single();
        assertThat(facets.get("inStock").asLong()).isEqualTo(sqlInStock);

        Map<Long, Long> priceCounts = new HashMap<>();
        facets.get("prices").forEach(c -> priceCounts.put(c.get("minMinor").asLong(), c.get("count").asLong()));
        Map<Long, Long> sqlPrices = new HashMap<>();
        jdbc.sql("""
                SELECT CASE WHEN m < 5000 THEN 0 WHEN m < 10000 THEN 5000 WHEN m < 20000 THEN 10000 WHEN m < 50000 THEN 20000
                            WHEN m < 100000 THEN 50000 WHEN m < 500000 THEN 100000 ELSE 500000 END, count(*)
                FROM (SELECT min(price_minor) AS m FROM catalog.skus WHERE product_id IN (""" + SUBTREE + """
                ) GROUP BY product_id) x GROUP BY 1""")
                .param("root", root).query((rs, n) -> sqlPrices.put(rs.getLong(1), rs.getLong(2))).list();
        assertThat(priceCounts).isEqualTo(sqlPrices);

        long sqlFiltered = jdbc.sql("""
                SELECT count(*) FROM catalog.products p JOIN merchant.stores st ON st.id = p.store_id
                WHERE p.id IN (""" + SUBTREE + """
                ) AND st.kind = 'TMALL'
                  AND EXISTS (SELECT 1 FROM catalog.skus s WHERE s.product_id = p.id AND s.attributes->>'colour' IN ('red', 'blue'))
                  AND EXISTS (SELECT 1 FROM catalog.skus s JOIN inventory.stock k ON k.sku_id = s.id
                              WHERE s.product_id = p.id AND k.on_hand - k.reserved > 0)
                  AND (SELECT min(price_minor) FROM catalog.skus s WHERE s.product_id = p.id) BETWEEN 1000 AND 100000""")
                .param("root", root).query(Long.class).single();
        JsonNode filtered = fixture.search("category=" + root
                + "&kind=tmall&attr=colour:red&attr=colour:blue&inStock=true&minPrice=1000&maxPrice=100000");
        assertThat(filtered.get("total").asLong()).isEqualTo(sqlFiltered);
        assertThat(filtered.get("facets").get("storeKinds").get(0).get("count").asLong()).isEqualTo(sqlFiltered);
    }
}
