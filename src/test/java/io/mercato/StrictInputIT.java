package io.mercato;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MarketFixture.Seller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Numbers are taken only as written (1.5 and "2" are no quantity) and text only if PostgreSQL can store it: each
 * refusal is a 400 that names the JSON path of the bad value, shows no Jackson or database text, and writes nothing.
 */
@MercatoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputIT {

    private static final String NUL = "\u0000";

    @LocalServerPort
    int port;

    private MarketFixture market;
    private Api buyer;
    private Seller seller;
    private long category;
    private long sku;

    @BeforeAll
    void setUp() {
        market = new MarketFixture(port);
        buyer = market.buyer(100_000);
        seller = market.seller("TAOBAO");
        category = market.category(300);
        sku = market.listedSku(seller, category, 1_000, 100);
    }

    /** A 400 problem whose errors name exactly the field, and whose text gives nothing of Java or the database away. */
    private static void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("errors")).as("errors of %s", response).isNotNull();
        assertThat(problem.get("errors").findValuesAsString("field")).as("%s", response).containsExactly(field);
        assertThat(response.body()).as("%s", response).doesNotContain("java.", "tools.jackson", "Cannot deserialize",
                "Cannot coerce", "PostgreSQL", "ERROR:", "encoding", "portal");
    }

    private static String json(Object value) {
        return Api.JSON.writeValueAsString(value);
    }

    @Test
    void fractionalAndQuotedQuantitiesAreRefusedInTheCart() {
        JsonNode before = buyer.get("/api/v1/cart").json();
        for (String quantity : new String[] {"1.5", "\"2\"", "2.0", "\"\"", "true"}) {
            assertRefused(buyer.raw("PUT", "/api/v1/cart/items/" + sku, "{\"quantity\":" + quantity + "}"), "quantity");
        }
        assertThat(buyer.get("/api/v1/cart").json()).isEqualTo(before);
    }

    @Test
    void fractionalAndQuotedQuantitiesAreRefusedAtCheckout() {
        long available = market.available(sku);
        int orders = buyer.get("/api/v1/orders?size=100").json().size();
        for (String quantity : new String[] {"2.9", "\"2\"", "1e0"}) {
            assertRefused(buyer.raw("POST", "/api/v1/checkouts", "{\"address\":" + json(MarketFixture.ADDRESS)
                    + ",\"items\":[{\"skuId\":" + sku + ",\"quantity\":" + quantity + "}]}"), "items[0].quantity");
        }
        assertRefused(buyer.raw("POST", "/api/v1/checkouts", "{\"address\":" + json(MarketFixture.ADDRESS)
                + ",\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":1}]}"), "items[0].skuId");
        assertThat(market.available(sku)).isEqualTo(available);
        assertThat(buyer.get("/api/v1/orders?size=100").json().size()).isEqualTo(orders);
    }

    @Test
    void fractionalAndQuotedAmountsAreRefusedForTopUps() {
        long before = market.walletBalance(buyer);
        for (String amount : new String[] {"100.99", "\"100\""}) {
            assertRefused(buyer.raw("POST", "/api/v1/wallet/top-ups",
                    "{\"amountMinor\":" + amount + ",\"currency\":\"CNY\"}"), "amountMinor");
        }
        Api.Response response = buyer.raw("POST", "/api/v1/wallet/top-ups",
                "{\"amountMinor\":100.99,\"currency\":\"CNY\"}");
        assertThat(response.json().get("detail").asString()).contains("amountMinor", "whole number", "100.99");
        assertThat(market.walletBalance(buyer)).isEqualTo(before);
    }

    @Test
    void fractionalPricesAndCommissionsAreRefused() {
        long own = market.listedSku(seller, category, 1_000, 100);
        assertRefused(seller.api().raw("POST", "/api/v1/stores/" + seller.storeId() + "/products",
                "{\"title\":\"Fraction\",\"categoryId\":" + category + ",\"skus\":[{\"priceMinor\":129.99}]}"),
                "skus[0].priceMinor");
        assertRefused(seller.api().raw("POST", "/api/v1/stores/" + seller.storeId() + "/products",
                "{\"title\":\"Fraction\",\"categoryId\":\"" + category + "\",\"skus\":[{\"priceMinor\":129}]}"),
                "categoryId");
        assertRefused(market.operator().raw("POST", "/api/v1/operator/categories",
                "{\"name\":\"Fraction\",\"commissionBasisPoints\":2.5}"), "commissionBasisPoints");
        assertRefused(seller.api().raw("PUT", "/api/v1/skus/" + own + "/stock", "{\"onHand\":\"7\"}"), "onHand");
        assertThat(market.available(own)).isEqualTo(100);
        seller.api().get("/api/v1/seller/stores/" + seller.storeId() + "/products?size=100").json().get("items")
                .forEach(p -> assertThat(p.get("title").asString()).isNotEqualTo("Fraction"));
    }

    @Test
    void aNulCharacterInAStoreNameIsNamedAndNoStoreOpens() {
        int stores = seller.api().get("/api/v1/seller/stores").json().size();
        assertRefused(seller.api().create("/api/v1/stores", Map.of("name", "Nul" + NUL + "shop", "kind", "TAOBAO")),
                "name");
        assertRefused(seller.api().create("/api/v1/stores", Map.of("name", "Bell\u0007shop", "kind", "TAOBAO")), "name");
        assertThat(seller.api().get("/api/v1/seller/stores").json().size()).isEqualTo(stores);
    }

    @Test
    void aNulCharacterInAnAddressIsNamedAndNothingIsOrdered() {
        long available = market.available(sku);
        Map<String, Object> address = new HashMap<>(MarketFixture.ADDRESS);
        address.put("city", "Hang" + NUL + "zhou");
        assertRefused(buyer.create("/api/v1/checkouts", Map.of("address", address,
                "items", List.of(Map.of("skuId", sku, "quantity", 1)))), "address.city");
        assertThat(market.available(sku)).isEqualTo(available);
    }

    @Test
    void aNulCharacterInARefundReasonIsNamedAndTheOrderStaysPaid() {
        long order = market.paidOrder(buyer, sku, 1);
        assertRefused(buyer.create("/api/v1/orders/" + order + "/refunds", Map.of("reason", "broken" + NUL)), "reason");
        assertThat(buyer.get("/api/v1/orders/" + order).json().get("status").asString()).isEqualTo("PAID");
    }

    @Test
    void controlCharactersAreRefusedInAttributesTitlesAndSynonymsAlike() {
        assertRefused(seller.api().create("/api/v1/stores/" + seller.storeId() + "/products",
                Map.of("title", "Ti" + NUL + "tle", "categoryId", category, "skus", List.of(Map.of("priceMinor", 100)))),
                "title");
        assertRefused(seller.api().create("/api/v1/stores/" + seller.storeId() + "/products",
                Map.of("title", "Attrs", "categoryId", category, "skus",
                        List.of(Map.of("priceMinor", 100, "attributes", Map.of("colour", "re" + NUL + "d"))))),
                "skus[0].attributes.colour");
        assertRefused(market.anonymous().post("/api/v1/accounts", Map.of("email", MarketFixture.uniqueEmail("nul"),
                "password", MarketFixture.PASSWORD, "displayName", "A" + NUL, "role", "BUYER")), "displayName");
    }

    @Test
    void multiLineTextKeepsItsLineBreaksAndTabs() {
        Api.Response created = seller.api().create("/api/v1/stores/" + seller.storeId() + "/products",
                Map.of("title", "Lines", "description", "first line\r\nsecond\tline", "categoryId", category,
                        "skus", List.of(Map.of("priceMinor", 100))));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    @Test
    void aNulCharacterInAParameterOfAWriteIsRefusedBeforeAnythingHappens() {
        long before = market.walletBalance(buyer);
        Api.Response response = buyer.create("/api/v1/wallet/top-ups?note=a%00b",
                Map.of("amountMinor", 100, "currency", "CNY"));
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.body()).contains("'note'").doesNotContain("PostgreSQL", "ERROR:");
        assertThat(market.walletBalance(buyer)).isEqualTo(before);
    }
}
