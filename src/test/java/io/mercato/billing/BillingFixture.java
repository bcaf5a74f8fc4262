package io.mercato.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The billing tests' fixture: the market's data, the order steps, the clock and billing's beans. */
final class BillingFixture extends MarketFixture implements BeforeEachCallback {

    private @Nullable ApplicationContext application;

    @Override
    public void beforeEach(ExtensionContext context) {
        application = bindTo(context);
    }

    <T> T bean(Class<T> type) {
        if (application == null) {
            throw new IllegalStateException("BillingFixture is used before its test started");
        }
        return application.getBean(type);
    }

    MutableClock clock() {
        return bean(MutableClock.class);
    }

    long idOf(Api account) {
        return accountId(account);
    }

    /** A seller with a store of the kind in the currency. */
    Seller seller(String kind, String currency) {
        Api seller = account("SELLER");
        Api.Response store = seller.create("/api/v1/stores", Map.of("name", kind + " " + currency + " store "
                + java.util.UUID.randomUUID().toString().substring(0, 8), "kind", kind, "currency", currency));
        assertThat(store.status()).as("open store: %s", store).isEqualTo(201);
        if (kind.equals("TMALL")) {
            post(operator(), "/api/v1/operator/stores/" + store.id() + "/verification",
                    Map.of("approved", true, "reason", "brand authorisation checked"), 200);
        }
        return new Seller(seller, store.id());
    }

    Api buyer(long minor, String currency) {
        Api buyer = account("BUYER");
        Api.Response topUp = buyer.create("/api/v1/wallet/top-ups", Map.of("amountMinor", minor, "currency", currency));
        assertThat(topUp.status()).as("top-up: %s", topUp).isEqualTo(201);
        return buyer;
    }

    JsonNode post(Api api, String path, Object body, int status) {
        Api.Response response = api.post(path, body);
        assertThat(response.status()).as("%s: %s", path, response).isEqualTo(status);
        return response.json();
    }

    void ship(Api seller, long orderId) {
        post(seller, "/api/v1/orders/" + orderId + "/shipment", Map.of("carrier", "SF Express", "trackingNumber",
                "SF1234567890"), 200);
    }

    void deliver(Api seller, long orderId) {
        assertThat(seller.post("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);
    }

    void confirm(Api buyer, long orderId) {
        Api.Response confirmed = buyer.post("/api/v1/orders/" + orderId + "/receipt-confirmation", null);
        assertThat(confirmed.status()).as("confirm: %s", confirmed).isEqualTo(200);
    }

    /** Ships, delivers and confirms a paid order: its escrow settles. */
    void complete(Api buyer, Api seller, long orderId) {
        ship(seller, orderId);
        deliver(seller, orderId);
        confirm(buyer, orderId);
    }

    List<JsonNode> postings(Api api, long orderId) {
        Api.Response postings = api.get("/api/v1/orders/" + orderId + "/postings");
        assertThat(postings.status()).as("postings: %s", postings).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        postings.json().forEach(list::add);
        return list;
    }

    /** The posting of this kind on the order. */
    JsonNode posting(Api api, long orderId, String kind) {
        return postings(api, orderId).stream().filter(p -> p.get("kind").asString().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " posting on order " + orderId));
    }

    /** The amount a posting put on one account (0 when it did not touch it). */
    static long entry(JsonNode posting, String account, long ownerId) {
        long sum = 0;
        for (JsonNode entry : posting.get("entries")) {
            if (entry.get("account").asString().equals(account) && entry.get("ownerId").asLong() == ownerId) {
                sum += entry.get("amountMinor").asLong();
            }
        }
        return sum;
    }

    /** The settlement's fee: what fee revenue received. */
    long settledFee(Api api, long orderId) {
        return entry(posting(api, orderId, "SETTLEMENT"), "FEE_REVENUE", 0);
    }

    /** A refund of the whole remaining order or of some units of one line, as the buyer asks. */
    long requestRefund(Api buyer, long orderId, @Nullable Long lineId, long quantity) {
        Map<String, Object> body = lineId == null ? Map.of("reason", "changed my mind")
                : Map.of("reason", "one was broken", "items", List.of(Map.of("lineId", lineId, "quantity", quantity)));
        Api.Response refund = buyer.create("/api/v1/orders/" + orderId + "/refunds", body);
        assertThat(refund.status()).as("refund: %s", refund).isEqualTo(201);
        return refund.id();
    }

    void approve(Api seller, long refundId) {
        Api.Response approved = seller.post("/api/v1/refunds/" + refundId + "/approval", Map.of("note", "sorry"));
        assertThat(approved.status()).as("approve: %s", approved).isEqualTo(200);
    }

    long lineId(Api api, long orderId) {
        return api.get("/api/v1/orders/" + orderId).json().get("lines").get(0).get("id").asLong();
    }

    /** A seller's balances in a currency by kind (MERCHANT, ESCROW, MERCHANT_DEBT). */
    Map<String, Long> balances(Api seller, String currency) {
        Map<String, Long> balances = new java.util.HashMap<>();
        for (JsonNode account : seller.get("/api/v1/merchant/balance").json()) {
            if (account.get("currency").asString().equals(currency)) {
                balances.put(account.get("kind").asString(), account.get("balanceMinor").asLong());
            }
        }
        return balances;
    }
}
