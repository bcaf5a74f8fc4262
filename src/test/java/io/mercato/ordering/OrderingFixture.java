package io.mercato.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MutableClock;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockLedger;
import io.mercato.ordering.internal.OrderTimeouts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The ordering tests' fixture: the market's test data, the order steps they share (each asserting that the
 * platform accepted it), the clock, the lifecycle timers and the stock ledger. Register it on a test instance
 * of a {@code @MercatoTest} class, {@code @RegisterExtension final OrderingFixture market = new OrderingFixture();},
 * and it binds to the running application before each test. The readers of order and posting JSON are static,
 * for static import.
 */
final class OrderingFixture extends MarketFixture implements BeforeEachCallback {

    private @Nullable ApplicationContext application;
    private final Map<Api, Long> ids = new HashMap<>();
    private @Nullable Long freeCategory;

    @Override
    public void beforeEach(ExtensionContext context) {
        application = bindTo(context);
    }

    private <T> T bean(Class<T> type) {
        if (application == null) {
            throw new IllegalStateException("OrderingFixture is used before its test started");
        }
        return application.getBean(type);
    }

    // The platform's clock, timers and stock

    /** The application's clock, which only tests move. */
    MutableClock clock() {
        return bean(MutableClock.class);
    }

    /** Runs the lifecycle timers once, as the scheduler would (timers are off in tests). */
    void runTimers() {
        bean(OrderTimeouts.class).run();
    }

    Stock stock(long skuId) {
        return bean(StockLedger.class).stock(skuId);
    }

    void assertStock(long skuId, long onHand, long reserved) {
        Stock now = stock(skuId);
        assertThat(now.onHand()).as("on hand of SKU %s", skuId).isEqualTo(onHand);
        assertThat(now.reserved()).as("reserved of SKU %s", skuId).isEqualTo(reserved);
    }

    // Test data

    /** A listed SKU of the seller in a category without commission (one per test), at the price and stock. */
    long sku(Seller seller, long priceMinor, long stock) {
        if (freeCategory == null) {
            freeCategory = category(0);
        }
        return listedSku(seller, freeCategory, priceMinor, stock);
    }

    /** The account id of a logged-in account, asked once per test. */
    long idOf(Api account) {
        return ids.computeIfAbsent(account, this::accountId);
    }

    /**
     * A clock-proof login: sessions last 7 days of the shared clock, so a test that moves the clock that far
     * logs the account in again afterwards with this.
     */
    Supplier<Api> relogin(Api account) {
        String email = account.get("/api/v1/me").json().get("email").asString();
        return () -> login(email, PASSWORD);
    }

    // Order steps

    JsonNode order(Api api, long orderId) {
        Api.Response order = api.get("/api/v1/orders/" + orderId);
        assertThat(order.status()).as("order %s: %s", orderId, order).isEqualTo(200);
        return order.json();
    }

    String status(Api api, long orderId) {
        return order(api, orderId).get("status").asString();
    }

    JsonNode pay(Api buyer, long orderId) {
        Api.Response paid = buyer.create("/api/v1/orders/" + orderId + "/payment", null);
        assertThat(paid.status()).as("payment: %s", paid).isEqualTo(200);
        return paid.json();
    }

    JsonNode ship(Api seller, long orderId) {
        Api.Response shipped = seller.create("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890"));
        assertThat(shipped.status()).as("shipment: %s", shipped).isEqualTo(200);
        return shipped.json();
    }

    JsonNode deliver(Api seller, long orderId) {
        Api.Response delivered = seller.create("/api/v1/orders/" + orderId + "/delivery", null);
        assertThat(delivered.status()).as("delivery: %s", delivered).isEqualTo(200);
        return delivered.json();
    }

    JsonNode confirm(Api buyer, long orderId) {
        Api.Response confirmed = buyer.create("/api/v1/orders/" + orderId + "/receipt-confirmation", null);
        assertThat(confirmed.status()).as("receipt confirmation: %s", confirmed).isEqualTo(200);
        return confirmed.json();
    }

    /** A paid order that has been shipped and delivered. */
    long deliveredOrder(Api buyer, Api seller, long skuId, long quantity) {
        long orderId = paidOrder(buyer, skuId, quantity);
        ship(seller, orderId);
        deliver(seller, orderId);
        return orderId;
    }

    List<JsonNode> postings(Api api, long orderId) {
        Api.Response postings = api.get("/api/v1/orders/" + orderId + "/postings");
        assertThat(postings.status()).as("postings: %s", postings).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        postings.json().forEach(list::add);
        return list;
    }

    /** Asserts that every posting of the order balances to zero, and returns the postings. */
    List<JsonNode> balancedPostings(Api api, long orderId) {
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

    /** Asserts that the whole ledger's CNY accounts sum to zero. */
    void assertTrialBalanceIsZero() {
        Api.Response trial = operator().get("/api/v1/operator/ledger/trial-balance");
        assertThat(trial.status()).as("trial balance: %s", trial).isEqualTo(200);
        assertThat(trial.json().get("CNY").asLong()).as("all CNY accounts sum to zero").isZero();
    }

    // Reading order and posting JSON

    static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as("%s in %s", field, node).isNotNull();
        return Instant.parse(value.asString());
    }

    static long placedOrderId(Api.Response placed) {
        assertThat(placed.status()).as("checkout: %s", placed).isEqualTo(201);
        return placed.json().get("orders").get(0).get("id").asLong();
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
