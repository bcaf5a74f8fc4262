package io.mercato.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@MercatoTest
class StoreVerificationIT {

    @LocalServerPort
    int port;

    MarketFixture market;

    @BeforeEach
    void setUp() {
        market = new MarketFixture(port);
    }

    @Test
    void tmallProductsSellOnlyOnceAnOperatorVerifiesTheStore() {
        Api seller = market.account("SELLER");
        Api.Response store = seller.create("/api/v1/stores", Map.of("name", "Lumen Flagship", "kind", "TMALL",
                "logoUrl", "https://img.example.com/logo.png"));
        assertThat(store.status()).isEqualTo(201);
        assertThat(store.json().get("status").asString()).isEqualTo("PENDING_VERIFICATION");
        long storeId = store.id();
        long category = market.category(500);
        Api.Response product = seller.create("/api/v1/stores/" + storeId + "/products", Map.of("title", "Lamp",
                "categoryId", category, "skus", List.of(Map.of("priceMinor", 19900, "initialStock", 5))));
        assertThat(product.status()).isEqualTo(201);

        Api.Response early = seller.post("/api/v1/products/" + product.id() + "/listing", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("PENDING_VERIFICATION");

        Api operator = market.operator();
        assertThat(operator.get("/api/v1/operator/stores").json().findValues("id").stream().map(id -> id.asLong()))
                .contains(storeId);
        Api.Response verified = operator.post("/api/v1/operator/stores/" + storeId + "/verification",
                Map.of("approved", true, "reason", "Brand authorisation letter checked"));
        assertThat(verified.json().get("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.json().get("verificationNote").asString()).isEqualTo("Brand authorisation letter checked");

        assertThat(seller.post("/api/v1/products/" + product.id() + "/listing", null).status()).isEqualTo(200);
        assertThat(market.anonymous().get("/api/v1/products/" + product.id()).status()).isEqualTo(200);
    }

    @Test
    void aRejectedStoreCarriesTheReasonAndCannotSell() {
        Api seller = market.account("SELLER");
        long storeId = seller.create("/api/v1/stores", Map.of("name", "Fake Brand", "kind", "TMALL")).id();

        Api.Response rejected = market.operator().post("/api/v1/operator/stores/" + storeId + "/verification",
                Map.of("approved", false, "reason", "Authorisation letter is forged"));

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(market.anonymous().get("/api/v1/stores/" + storeId).json().get("verificationNote").asString())
                .isEqualTo("Authorisation letter is forged");
    }

    @Test
    void otherKindsOpenActiveAndOnlyOperatorsOpenTheSupermarket() {
        Api seller = market.account("SELLER");
        for (String kind : List.of("TAOBAO", "LOCAL", "GLOBAL", "WHOLESALE")) {
            Api.Response store = seller.create("/api/v1/stores", Map.of("name", kind + " shop", "kind", kind));
            assertThat(store.status()).isEqualTo(201);
            assertThat(store.json().get("status").asString()).isEqualTo("ACTIVE");
        }
        assertThat(seller.get("/api/v1/seller/stores").json().size()).isEqualTo(4);

        assertThat(seller.create("/api/v1/stores", Map.of("name", "Mine", "kind", "SUPERMARKET")).status()).isEqualTo(403);
        assertThat(market.operator().create("/api/v1/stores", Map.of("name", "Mercato Supermarket", "kind", "SUPERMARKET"))
                .status()).isEqualTo(201);
    }

    @Test
    void verifyingAStoreThatNeedsNoVerificationIsAConflict() {
        Api seller = market.account("SELLER");
        long storeId = seller.create("/api/v1/stores", Map.of("name", "Small shop", "kind", "TAOBAO")).id();

        Api.Response response = market.operator().post("/api/v1/operator/stores/" + storeId + "/verification",
                Map.of("approved", true, "reason", "ok"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains("only Tmall stores are verified");
    }
}
