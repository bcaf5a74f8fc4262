package io.mercato;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What operators and API clients rely on besides the API itself: docs, health for anyone, and info and metrics for
 * operators only, none of which tells where the database listens or how to log in to it.
 */
@MercatoTest
class OperationsEndpointsIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedPostgres postgres;

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
    void healthAndItsProbesAnswerAnyone() {
        assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
            "/actuator/info", "/actuator"})
    void everyOtherManagementEndpointAnswersOperatorsOnly(String path) {
        assertThat(api.text(path).status()).as("anonymous %s", path).isEqualTo(401);
        assertThat(market.account("BUYER").text(path).status()).as("buyer %s", path).isEqualTo(403);
        assertThat(market.account("SELLER").text(path).status()).as("seller %s", path).isEqualTo(403);
        assertThat(api.as("not-a-token").text(path).status()).as("made-up token %s", path).isEqualTo(401);
        assertThat(market.operator().text(path).status()).as("operator %s", path).isEqualTo(200);
    }

    @Test
    void infoSaysTheDatabaseIsEmbeddedButNotWhereItListens() {
        Api.Response info = market.operator().get("/actuator/info");

        assertThat(info.json().get("database").get("embedded").asBoolean()).isTrue();
        assertThat(info.json().get("database").has("port")).isFalse();
        assertThat(info.json().get("database").has("url")).isFalse();
    }

    @Test
    void noManagementEndpointTellsTheDatabaseAddressOrPassword() throws Exception {
        Api operator = market.operator();
        String password = Files.readString(dataDirectory().resolve("postgres.password")).strip();
        JsonNode links = operator.get("/actuator").json().get("_links");

        assertThat(links.propertyNames()).contains("health", "info", "metrics", "prometheus");
        for (String name : links.propertyNames()) {
            JsonNode link = links.get(name);
            if (link.has("templated") && link.get("templated").asBoolean()) {
                continue;
            }
            String path = URI.create(link.get("href").asString()).getPath();
            String body = operator.text(path).body();
            assertThat(body).as(path).doesNotContain("jdbc:").doesNotContain(password)
                    .doesNotContainPattern("(localhost|127\\.0\\.0\\.1|\"port\"\\s*:\\s*)\\D{0,2}" + postgres.getPort() + "\\b");
        }
    }

    /** The data directory of this run ({@code mercato.data-dir} holds a random part, so ask PostgreSQL). */
    private Path dataDirectory() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet pgData = statement.executeQuery("SHOW data_directory")) {
            pgData.next();
            return Path.of(pgData.getString(1)).getParent();
        }
    }

    @Test
    void prometheusCountsPaidOrdersAndGmv() {
        MarketFixture.Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 1234, 5);
        market.paidOrder(market.buyer(10_000), sku, 1);

        String metrics = market.operator().text("/actuator/prometheus").body();

        assertThat(metrics).contains("mercato_orders_total{event=\"paid\"}")
                .contains("mercato_gmv_minor_total{currency=\"CNY\"}")
                .contains("http_server_requests_seconds");
    }
}
