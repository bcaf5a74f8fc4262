package io.mercato.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The fulfillment tests' fixture: a carrier of their own (with its simulator), its services and lanes, sellers
 * with a warehouse and a template, and the order steps. Codes are unique, so tests sharing a database never meet.
 */
public final class FulfillmentFixture extends MarketFixture implements BeforeEachCallback {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private @Nullable ApplicationContext application;

    @Override
    public void beforeEach(ExtensionContext context) {
        application = bindTo(context);
    }

    public MutableClock clock() {
        if (application == null) {
            throw new IllegalStateException("FulfillmentFixture is used before its test started");
        }
        return application.getBean(MutableClock.class);
    }

    public JsonNode expect(Api.Response response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        return response.body().isEmpty() ? Api.JSON.nullNode() : response.json();
    }

    /** A carrier with a next-day service from Zhejiang to all of China, and its simulator. */
    public Network network() {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        Api operator = operator();
        JsonNode carrier = expect(operator.create("/api/v1/operator/fulfillment/carriers",
                Map.of("code", code, "name", "Test Express " + code)), 201);
        long carrierId = carrier.get("carrier").get("id").asLong();
        String secret = carrier.get("secret").asString();
        long nextDay = expect(operator.create("/api/v1/operator/fulfillment/services", Map.of("carrierId", carrierId,
                "code", "ND", "kind", "NEXT_DAY", "name", "Next day")), 201).get("id").asLong();
        long global = expect(operator.create("/api/v1/operator/fulfillment/services", Map.of("carrierId", carrierId,
                "code", "G5", "kind", "GLOBAL_5_DAY", "name", "Global 5-day")), 201).get("id").asLong();
        lane(nextDay, "CN-ZHEJIANG", "CN", 1);
        lane(global, "CN-ZHEJIANG", "*", 5);
        lane(global, "CN-GUANGDONG", "*", 5);
        CarrierSimulator simulator = new CarrierSimulator(HTTP, anonymous().uri("/"), code, secret);
        return new Network(carrierId, code, secret, nextDay, global, simulator);
    }

    public void lane(long serviceId, String origin, String destination, int days) {
        expect(operator().put("/api/v1/operator/fulfillment/lanes", Map.of("serviceId", serviceId, "origin", origin,
                "destination", destination, "transitDays", days)), 200);
    }

    public record Network(long carrierId, String code, String secret, long nextDay, long global, CarrierSimulator simulator) {
    }

    /** A seller of the kind with a Hangzhou warehouse (cut-off as given, Shanghai time) and a template on the service. */
    public Shipper shipper(String kind, long serviceId, LocalTime cutoff) {
        Seller seller = seller(kind);
        long warehouse = expect(seller.api().create("/api/v1/fulfillment/warehouses", Map.of("storeId", seller.storeId(),
                "name", "Hangzhou DC", "city", "Hangzhou", "province", "Zhejiang", "country", "CN",
                "timeZone", "Asia/Shanghai", "cutoff", cutoff.toString(), "hub", false)), 201).get("id").asLong();
        expect(seller.api().put("/api/v1/fulfillment/stores/" + seller.storeId() + "/template", Map.of(
                "warehouseId", warehouse, "serviceId", serviceId, "freeOverMinor", 9_900,
                "rates", List.of(Map.of("destination", "CN", "firstKgMinor", 800, "extraKgMinor", 200)))), 200);
        return new Shipper(seller, warehouse);
    }

    public record Shipper(Seller seller, long warehouseId) {

        public Api api() {
            return seller.api();
        }
    }

    /** A platform hub in Guangdong that consolidates cross-border parcels. */
    public long hub() {
        return expect(operator().create("/api/v1/fulfillment/warehouses", Map.of("name", "Choice hub", "city", "Shenzhen",
                "province", "Guangdong", "country", "CN", "timeZone", "Asia/Shanghai", "cutoff", "18:00", "hub", true)), 201)
                .get("id").asLong();
    }

    public JsonNode delivery(Api api, long orderId) {
        return expect(api.get("/api/v1/orders/" + orderId + "/delivery"), 200);
    }

    public JsonNode order(Api api, long orderId) {
        return expect(api.get("/api/v1/orders/" + orderId), 200);
    }

    /** Packs the lines (line id, quantity) into one parcel; returns the parcel. */
    public JsonNode pack(Api seller, long orderId, long lineId, long quantity) {
        return expect(seller.create("/api/v1/orders/" + orderId + "/parcels",
                Map.of("lines", List.of(Map.of("lineId", lineId, "quantity", quantity)))), 201);
    }

    public long lineId(Api api, long orderId) {
        return order(api, orderId).get("lines").get(0).get("id").asLong();
    }

    public ZoneId shanghai() {
        return ZoneId.of("Asia/Shanghai");
    }

    public URI base() {
        return anonymous().uri("/");
    }
}
