package io.mercato.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MercatoTest
class CatalogIT {

    @LocalServerPort
    int port;

    MarketFixture market;

    @BeforeEach
    void setUp() {
        market = new MarketFixture(port);
    }

    @Test
    void categoriesFormATreeAndBrowsingACategoryIncludesItsChildren() {
        Api operator = market.operator();
        long parent = operator.create("/api/v1/operator/categories", Map.of("name", "Phones 手机", "commissionBasisPoints", 200)).id();
        long child = operator.create("/api/v1/operator/categories",
                Map.of("name", "Phone cases 手机壳", "parentId", parent, "commissionBasisPoints", 300)).id();

        JsonNode root = null;
        for (JsonNode node : market.anonymous().get("/api/v1/categories").json()) {
            if (node.get("id").asLong() == parent) {
                root = node;
            }
        }
        assertThat(root).isNotNull();
        assertThat(root.get("children").get(0).get("id").asLong()).isEqualTo(child);
        assertThat(root.get("children").get(0).get("commissionBasisPoints").asInt()).isEqualTo(300);

        Seller seller = market.seller("TAOBAO");
        long skuInChild = market.listedSku(seller, child, 1990, 10);
        JsonNode page = market.anonymous().get("/api/v1/products?categoryId=" + parent).json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("skus").get(0).get("id").asLong()).isEqualTo(skuInChild);
    }

    @Test
    void aSellerEditsTheirProductAddsSkusAndDelistsIt() {
        Seller seller = market.seller("TAOBAO");
        long category = market.category(0);
        Api.Response brand = seller.api().create("/api/v1/brands", Map.of("name", "Lumen " + System.nanoTime()));
        JsonNode product = market.listedProduct(seller, category, List.of(
                new MarketFixture.SkuSpec(Map.of("colour", "red", "size", "M"), 9900, 3)));
        long productId = product.get("id").asLong();
        long skuId = product.get("skus").get(0).get("id").asLong();

        Api.Response edited = seller.api().patch("/api/v1/products/" + productId, Map.of(
                "title", "Silk dress 真丝连衣裙", "brandId", brand.id(),
                "images", List.of("https://img.example.com/a.jpg", "https://img.example.com/b.jpg"),
                "skus", List.of(Map.of("id", skuId, "priceMinor", 8900),
                        Map.of("attributes", Map.of("colour", "blue", "size", "L"), "priceMinor", 9900, "barcode", "6901234567890",
                                "initialStock", 7))));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        JsonNode body = edited.json();
        assertThat(body.get("title").asString()).isEqualTo("Silk dress 真丝连衣裙");
        assertThat(body.get("brandId").asLong()).isEqualTo(brand.id());
        assertThat(body.get("images").size()).isEqualTo(2);
        assertThat(body.get("skus").size()).isEqualTo(2);
        assertThat(body.get("skus").get(0).get("priceMinor").asLong()).isEqualTo(8900);
        assertThat(body.get("skus").get(0).get("attributes").get("size").asString()).isEqualTo("M");
        long newSku = body.get("skus").get(1).get("id").asLong();
        assertThat(market.available(newSku)).isEqualTo(7);

        assertThat(seller.api().post("/api/v1/products/" + productId + "/delisting", null).json().get("status").asString())
                .isEqualTo("DELISTED");
        assertThat(market.anonymous().get("/api/v1/products/" + productId).status()).isEqualTo(404);
        assertThat(seller.api().get("/api/v1/products/" + productId).status()).as("the owner still sees it").isEqualTo(200);
        assertThat(market.anonymous().get("/api/v1/products/availability?sku=" + newSku).json().size())
                .as("stock of a product off sale is not public").isZero();
        Api buyer = market.buyer(100_000);
        Api.Response checkout = market.checkout(buyer, newSku, 1);
        assertThat(checkout.status()).isEqualTo(409);
        assertThat(checkout.json().get("detail").asString()).contains("not on sale");
    }

    @Test
    void stockIsSetBySellerButNeverBelowWhatUnpaidOrdersHold() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 500, 5);
        Api buyer = market.buyer(100_000);
        assertThat(market.checkout(buyer, sku, 3).status()).isEqualTo(201);

        Api.Response tooLow = seller.api().put("/api/v1/skus/" + sku + "/stock", Map.of("onHand", 2));
        assertThat(tooLow.status()).isEqualTo(409);
        assertThat(tooLow.json().get("detail").asString()).contains("3 units reserved");

        Api.Response raised = seller.api().put("/api/v1/skus/" + sku + "/stock", Map.of("onHand", 10));
        assertThat(raised.json().get("reserved").asLong()).isEqualTo(3);
        assertThat(market.available(sku)).isEqualTo(7);
    }

    @Test
    void browsingPagesThroughAStoresListedProductsNewestFirst() {
        Seller seller = market.seller("TAOBAO");
        long category = market.category(0);
        for (int i = 0; i < 5; i++) {
            market.listedSku(seller, category, 100 + i, 1);
        }
        JsonNode first = market.anonymous().get("/api/v1/products?storeId=" + seller.storeId() + "&size=2").json();
        JsonNode last = market.anonymous().get("/api/v1/products?storeId=" + seller.storeId() + "&size=2&page=2").json();

        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(first.get("items").get(0).get("id").asLong()).isGreaterThan(first.get("items").get(1).get("id").asLong());
        assertThat(last.get("items").size()).isEqualTo(1);
        assertThat(market.anonymous().get("/api/v1/products?storeId=" + seller.storeId() + "&page=9").json().get("items").size())
                .isZero();
    }
}
