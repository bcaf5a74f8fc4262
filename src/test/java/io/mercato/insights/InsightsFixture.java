package io.mercato.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MutableClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The insights tests' fixture: the market, the order steps, the clock and the insights read API. */
final class InsightsFixture extends MarketFixture implements BeforeEachCallback {

    static final ZoneId MARKET = ZoneId.of("Asia/Shanghai");

    private @Nullable ApplicationContext application;

    @Override
    public void beforeEach(ExtensionContext context) {
        application = bindTo(context);
    }

    <T> T bean(Class<T> type) {
        if (application == null) {
            throw new IllegalStateException("InsightsFixture is used before its test started");
        }
        return application.getBean(type);
    }

    /** Delivers an event as its module would, outside any transaction. */
    void publish(Object event) {
        if (application == null) {
            throw new IllegalStateException("InsightsFixture is used before its test started");
        }
        application.publishEvent(event);
    }

    MutableClock clock() {
        return bean(MutableClock.class);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock().instant(), MARKET);
    }

    JsonNode ok(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    void rollUp() {
        ok(operator().post("/api/v1/operator/insights/roll-up", null));
    }

    /** The single KPI row of one day, all segments, in CNY. */
    JsonNode day(LocalDate day) {
        return kpis(day, day, "DAY", "ALL").get(0);
    }

    JsonNode kpis(LocalDate from, LocalDate to, String grain, String segment) {
        return ok(operator().get("/api/v1/operator/insights/kpis?from=" + from + "&to=" + to + "&grain=" + grain
                + "&segment=" + segment + "&currency=CNY"));
    }

    long placedOrder(Api buyer, long skuId, long quantity) {
        Api.Response placed = checkout(buyer, skuId, quantity);
        assertThat(placed.status()).as("checkout: %s", placed).isEqualTo(201);
        return placed.json().get("orders").get(0).get("id").asLong();
    }

    void pay(Api buyer, long orderId) {
        Api.Response paid = buyer.create("/api/v1/orders/" + orderId + "/payment", null);
        assertThat(paid.status()).as("payment: %s", paid).isEqualTo(200);
    }

    void ship(Api seller, long orderId) {
        Api.Response shipped = seller.post("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890"));
        assertThat(shipped.status()).as("ship: %s", shipped).isEqualTo(200);
    }

    void deliver(Api seller, long orderId) {
        assertThat(seller.post("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);
    }

    void confirm(Api buyer, long orderId) {
        Api.Response confirmed = buyer.post("/api/v1/orders/" + orderId + "/receipt-confirmation", null);
        assertThat(confirmed.status()).as("confirm: %s", confirmed).isEqualTo(200);
    }

    /** A refund of the whole order: approved at once before shipment, a return request after delivery. */
    long refund(Api buyer, long orderId) {
        Api.Response refund = buyer.create("/api/v1/orders/" + orderId + "/refunds", Map.of("reason", "changed my mind"));
        assertThat(refund.status()).as("refund: %s", refund).isIn(200, 201);
        return refund.id();
    }

    void approve(Api seller, long refundId) {
        Api.Response approved = seller.create("/api/v1/refunds/" + refundId + "/approval", Map.of("note", "fine"));
        assertThat(approved.status()).as("approval: %s", approved).isEqualTo(200);
    }
}
