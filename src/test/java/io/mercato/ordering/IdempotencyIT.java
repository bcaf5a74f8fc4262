package io.mercato.ordering;

import static io.mercato.ordering.OrderingFixture.placedOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Retrying a POST with the same Idempotency-Key is safe: it happens once and answers the same. */
@MercatoTest
class IdempotencyIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    final OrderingFixture market = new OrderingFixture();

    @Autowired
    JdbcClient jdbc;

    long skuId;

    @BeforeEach
    void setUp() {
        skuId = market.sku(market.seller("TAOBAO"), 1_999, 10);
    }

    private static String checkoutBody(long skuId, long quantity) {
        return Api.JSON.writeValueAsString(Map.of("address", MarketFixture.ADDRESS,
                "items", List.of(Map.of("skuId", skuId, "quantity", quantity))));
    }

    /** A POST that keeps the response headers, to see whether the answer was replayed. */
    private HttpResponse<String> rawPost(Api as, String path, String body, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(as.uri(path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + as.token()).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void retriedCheckoutReturnsTheSameOrdersAndReservesStockOnce() throws Exception {
        Api buyer = market.buyer(50_000);
        String key = UUID.randomUUID().toString();
        String body = checkoutBody(skuId, 3);

        HttpResponse<String> first = rawPost(buyer, "/api/v1/checkouts", body, key);
        assertThat(first.statusCode()).as("checkout: %s", first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        HttpResponse<String> retry = rawPost(buyer, "/api/v1/checkouts", body, key);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.body()).isEqualTo(first.body());

        JsonNode firstOrders = Api.JSON.readTree(first.body()).get("orders");
        JsonNode retryOrders = Api.JSON.readTree(retry.body()).get("orders");
        assertThat(retryOrders.get(0).get("id").asLong()).isEqualTo(firstOrders.get(0).get("id").asLong());
        market.assertStock(skuId, 10, 3);
        Api.Response mine = buyer.get("/api/v1/orders");
        assertThat(mine.json()).as("one order placed").hasSize(1);

        Api.Response third = buyer.post("/api/v1/checkouts", body, key);
        assertThat(third.status()).isEqualTo(201);
        assertThat(third.json().get("checkoutId").asLong()).isEqualTo(Api.JSON.readTree(first.body()).get("checkoutId").asLong());
        market.assertStock(skuId, 10, 3);
    }

    @Test
    void sameKeyWithADifferentBodyIsAConflict() {
        Api buyer = market.buyer(50_000);
        String key = UUID.randomUUID().toString();
        Api.Response first = buyer.post("/api/v1/checkouts", checkoutBody(skuId, 1), key);
        assertThat(first.status()).isEqualTo(201);

        Api.Response other = buyer.post("/api/v1/checkouts", checkoutBody(skuId, 2), key);
        assertThat(other.status()).as("%s", other).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("title").asString()).isEqualTo("Idempotency key reused");
        assertThat(other.json().get("detail").asString()).contains(key);
        market.assertStock(skuId, 10, 1);
        assertThat(buyer.get("/api/v1/orders").json()).hasSize(1);
    }

    @Test
    void retriedTopUpCreditsOnce() {
        Api buyer = market.account("BUYER");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("amountMinor", 12_345, "currency", "CNY");

        Api.Response first = buyer.post("/api/v1/wallet/top-ups", body, key);
        assertThat(first.status()).as("top-up: %s", first).isEqualTo(201);
        Api.Response retry = buyer.post("/api/v1/wallet/top-ups", body, key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.json().get("balanceAfterMinor").asLong()).isEqualTo(12_345);
        assertThat(market.walletBalance(buyer)).isEqualTo(12_345);

        Api.Response fresh = buyer.create("/api/v1/wallet/top-ups", body);
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(market.walletBalance(buyer)).as("a new key is a new top-up").isEqualTo(24_690);
    }

    @Test
    void retriedPaymentReturnsTheFirstResultAndDebitsOnce() {
        Api buyer = market.buyer(10_000);
        long orderId = placedOrderId(market.checkout(buyer, skuId, 2));
        String key = UUID.randomUUID().toString();

        Api.Response first = buyer.post("/api/v1/orders/" + orderId + "/payment", null, key);
        assertThat(first.status()).as("payment: %s", first).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("PAID");
        Api.Response retry = buyer.post("/api/v1/orders/" + orderId + "/payment", null, key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(market.walletBalance(buyer)).isEqualTo(10_000 - 3_998);
        assertThat(market.postings(buyer, orderId)).hasSize(1);

        Api.Response newKey = buyer.create("/api/v1/orders/" + orderId + "/payment", null);
        assertThat(newKey.status()).as("a second, different payment: %s", newKey).isEqualTo(409);
        assertThat(market.walletBalance(buyer)).isEqualTo(10_000 - 3_998);
        market.assertStock(skuId, 8, 0);
    }

    @Test
    void keysAreScopedPerAccount() {
        Api first = market.account("BUYER");
        Api second = market.account("BUYER");
        String key = "shared-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("amountMinor", 5_000, "currency", "CNY");

        Api.Response a = first.post("/api/v1/wallet/top-ups", body, key);
        Api.Response b = second.post("/api/v1/wallet/top-ups", body, key);
        assertThat(a.status()).as("%s", a).isEqualTo(201);
        assertThat(b.status()).as("%s", b).isEqualTo(201);
        assertThat(b.id()).isNotEqualTo(a.id());
        assertThat(b.json().get("buyerAccountId").asLong()).isEqualTo(market.accountId(second));
        assertThat(market.walletBalance(first)).isEqualTo(5_000);
        assertThat(market.walletBalance(second)).isEqualTo(5_000);

        long orderA = placedOrderId(first.post("/api/v1/checkouts", checkoutBody(skuId, 1), key + "-order"));
        long orderB = placedOrderId(second.post("/api/v1/checkouts", checkoutBody(skuId, 1), key + "-order"));
        assertThat(orderB).as("the same key and body from another buyer is another order").isNotEqualTo(orderA);
        market.assertStock(skuId, 10, 2);
    }

    @Test
    void theKeyAndItsResultCommitInTheSameTransactionAsTheCheckout() throws Exception {
        Api buyer = market.buyer(50_000);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> placed = rawPost(buyer, "/api/v1/checkouts", checkoutBody(skuId, 1), key);
        assertThat(placed.statusCode()).as("checkout: %s", placed.body()).isEqualTo(201);
        long checkoutId = Api.JSON.readTree(placed.body()).get("checkoutId").asLong();

        // PostgreSQL's xmin names the transaction that wrote a row: one transaction means no crash can leave
        // the checkout without its key's result, or the key without its checkout.
        String checkoutTransaction = jdbc.sql("SELECT xmin::text FROM ordering.checkouts WHERE id = ?")
                .param(checkoutId).query(String.class).single();
        String keyTransaction = jdbc.sql("SELECT xmin::text FROM http.idempotency_keys WHERE idem_key = ?")
                .param(key).query(String.class).single();
        assertThat(keyTransaction).isEqualTo(checkoutTransaction);
        assertThat(jdbc.sql("SELECT state FROM http.idempotency_keys WHERE idem_key = ?").param(key)
                .query(String.class).single()).isEqualTo("DONE");
    }

    @Test
    void retriesSentWhileTheFirstRunsWaitForItAndReplayItsResult() throws Exception {
        Api buyer = market.buyer(50_000);
        String key = UUID.randomUUID().toString();
        String body = checkoutBody(skuId, 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        try (ExecutorService retries = Executors.newFixedThreadPool(5)) {
            for (int i = 0; i < 5; i++) {
                sent.add(retries.submit(() -> {
                    start.await();
                    return rawPost(buyer, "/api/v1/checkouts", body, key);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201);
            assertThat(answers).extracting(HttpResponse::body).containsOnly(answers.getFirst().body());
            assertThat(answers).filteredOn(a -> a.headers().firstValue("Idempotent-Replayed").isEmpty()).hasSize(1);
        }
        market.assertStock(skuId, 10, 2);
        assertThat(buyer.get("/api/v1/orders").json()).hasSize(1);
    }

    @Test
    void aRefusedRequestChangesNothingAndItsRetryIsRefusedAlike() throws Exception {
        Api buyer = market.buyer(50_000);
        String key = UUID.randomUUID().toString();
        String tooMany = checkoutBody(skuId, 11);
        HttpResponse<String> refused = rawPost(buyer, "/api/v1/checkouts", tooMany, key);
        assertThat(refused.statusCode()).as("%s", refused.body()).isEqualTo(409);
        HttpResponse<String> again = rawPost(buyer, "/api/v1/checkouts", tooMany, key);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(refused.body());
        market.assertStock(skuId, 10, 0);
        assertThat(buyer.get("/api/v1/orders").json()).isEmpty();
    }
}
