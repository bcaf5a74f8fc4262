package io.mercato.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The order steps the lifecycle tests share, each asserting that the platform accepted it. */
final class OrderSteps {

    private OrderSteps() {
    }

    /**
     * A clock-proof login: sessions last 7 days of the shared clock, so a test that moves the clock that far
     * logs the account in again afterwards with this.
     */
    static java.util.function.Supplier<Api> relogin(MarketFixture market, Api account) {
        String email = account.get("/api/v1/me").json().get("email").asString();
        return () -> market.login(email, MarketFixture.PASSWORD);
    }

    static JsonNode order(Api api, long orderId) {
        Api.Response order = api.get("/api/v1/orders/" + orderId);
        assertThat(order.status()).as("order %s: %s", orderId, order).isEqualTo(200);
        return order.json();
    }

    static String status(Api api, long orderId) {
        return order(api, orderId).get("status").asString();
    }

    static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as("%s in %s", field, node).isNotNull();
        return Instant.parse(value.asString());
    }

    static long placedOrderId(Api.Response placed) {
        assertThat(placed.status()).as("checkout: %s", placed).isEqualTo(201);
        return placed.json().get("orders").get(0).get("id").asLong();
    }

    static JsonNode pay(Api buyer, long orderId) {
        Api.Response paid = buyer.create("/api/v1/orders/" + orderId + "/payment", null);
        assertThat(paid.status()).as("payment: %s", paid).isEqualTo(200);
        return paid.json();
    }

    static JsonNode ship(Api seller, long orderId) {
        Api.Response shipped = seller.create("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890"));
        assertThat(shipped.status()).as("shipment: %s", shipped).isEqualTo(200);
        return shipped.json();
    }

    static JsonNode deliver(Api seller, long orderId) {
        Api.Response delivered = seller.create("/api/v1/orders/" + orderId + "/delivery", null);
        assertThat(delivered.status()).as("delivery: %s", delivered).isEqualTo(200);
        return delivered.json();
    }

    static JsonNode confirm(Api buyer, long orderId) {
        Api.Response confirmed = buyer.create("/api/v1/orders/" + orderId + "/receipt-confirmation", null);
        assertThat(confirmed.status()).as("receipt confirmation: %s", confirmed).isEqualTo(200);
        return confirmed.json();
    }

    /** A paid order that has been shipped and delivered. */
    static long deliveredOrder(MarketFixture market, Api buyer, Api seller, long skuId, long quantity) {
        long orderId = market.paidOrder(buyer, skuId, quantity);
        ship(seller, orderId);
        deliver(seller, orderId);
        return orderId;
    }

    static List<JsonNode> postings(Api api, long orderId) {
        Api.Response postings = api.get("/api/v1/orders/" + orderId + "/postings");
        assertThat(postings.status()).as("postings: %s", postings).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        postings.json().forEach(list::add);
        return list;
    }

    /** Asserts that every posting of the order balances to zero, and returns the postings. */
    static List<JsonNode> balancedPostings(Api api, long orderId) {
        List<JsonNode> postings = postings(api, orderId);
        for (JsonNode posting : postings) {
            long sum = 0;
            for (JsonNode entry : posting.get("entries")) {
                sum += entry.get("amountMinor").asLong();
            }
            assertThat(sum).as("posting %s balances", posting).isZero();
            assertThat(posting.get("orderId").asLong()).isEqualTo(orderId);
        }
        return postings;
    }

    static JsonNode posting(List<JsonNode> postings, String kind) {
        List<JsonNode> found = postings.stream().filter(p -> p.get("kind").asString().equals(kind)).toList();
        assertThat(found).as("%s postings in %s", kind, postings).hasSize(1);
        return found.getFirst();
    }

    /** The amount the posting moved on one account, zero if it did not touch it. */
    static long entry(JsonNode posting, String account, long ownerId) {
        long sum = 0;
        for (JsonNode entry : posting.get("entries")) {
            if (entry.get("account").asString().equals(account) && entry.get("ownerId").asLong() == ownerId) {
                sum += entry.get("amountMinor").asLong();
            }
        }
        return sum;
    }

    static boolean touches(JsonNode posting, String account) {
        for (JsonNode entry : posting.get("entries")) {
            if (entry.get("account").asString().equals(account)) {
                return true;
            }
        }
        return false;
    }

    static void assertStock(StockLedger stock, long skuId, long onHand, long reserved) {
        Stock now = stock.stock(skuId);
        assertThat(now.onHand()).as("on hand of SKU %s", skuId).isEqualTo(onHand);
        assertThat(now.reserved()).as("reserved of SKU %s", skuId).isEqualTo(reserved);
    }

    static long lineId(JsonNode order, long skuId) {
        for (JsonNode line : order.get("lines")) {
            if (line.get("skuId").asLong() == skuId) {
                return line.get("id").asLong();
            }
        }
        throw new AssertionError("no line for SKU " + skuId + " in " + order);
    }

    static void assertConflict(Api.Response response, String detailContains) {
        assertThat(response.status()).as("%s", response).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detailContains);
    }
}
