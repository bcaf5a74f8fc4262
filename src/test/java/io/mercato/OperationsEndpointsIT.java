package io.mercato;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operators and API clients rely on besides the API itself: docs, health, info and metrics. */
@MercatoTest
class OperationsEndpointsIT {

    @LocalServerPort
    int port;

    MarketFixture market;
    Api api;

    @BeforeEach
    void setUp() {
        market = new MarketFixture(port);
        api = market.anonymous();
    }

    @Test
    void openApiDocumentDescribesTheTradeLoop() {
        Api.Response docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/api/v1/checkouts", "/api/v1/orders/{orderId}/payment", "/api/v1/wallet/top-ups",
                        "/api/v1/stores/{storeId}/products", "/api/v1/refunds/{refundId}/approval");
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void openApiDocumentOffersOnlyTheRolesAnAccountCanHold() {
        String docs = api.text("/v3/api-docs").body();

        assertThat(docs).contains("\"OPERATOR\"").doesNotContain("\"SYSTEM\"");
    }

    @Test
    void healthIsUpAndInfoNamesTheEmbeddedDatabase() {
        assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/info").json().get("database").get("embedded").asBoolean()).isTrue();
    }

    @Test
    void prometheusCountsPaidOrdersAndGmv() {
        MarketFixture.Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 1234, 5);
        market.paidOrder(market.buyer(10_000), sku, 1);

        String metrics = api.text("/actuator/prometheus").body();

        assertThat(metrics).contains("mercato_orders_total{event=\"paid\"}")
                .contains("mercato_gmv_minor_total{currency=\"CNY\"}")
                .contains("http_server_requests_seconds");
    }
}
