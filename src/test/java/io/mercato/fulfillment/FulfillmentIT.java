package io.mercato.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.fulfillment.FulfillmentFixture.Network;
import io.mercato.fulfillment.FulfillmentFixture.Shipper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Fulfillment end to end over HTTP: the promise quoted and kept at checkout, parcels from an order's lines, carriers'
 * signed events in any order and twice, delivery of every parcel delivering the order, exceptions alerting seller and
 * operator, refused webhooks listed, consolidation of a buyer's global orders, and the metrics.
 */
@MercatoTest
class FulfillmentIT {

    @RegisterExtension
    final FulfillmentFixture market = new FulfillmentFixture();

    private LocalTime cutoffAfterNow(int hours) {
        LocalTime now = market.clock().instant().atZone(market.shanghai()).toLocalTime();
        return now.plusHours(hours).truncatedTo(ChronoUnit.MINUTES);
    }

    private Instant now() {
        return market.clock().instant();
    }

    private long paidOrder(Shipper shipper, long quantity, Api buyer) {
        long sku = market.listedSku(shipper.seller(), market.category(0), 1_000, 100);
        return market.paidOrder(buyer, sku, quantity);
    }

    /** A buyer's paid order of one unit from a next-day shipper of a network of its own, packed into one parcel. */
    private record Packed(Network network, Shipper shipper, Api buyer, long orderId, JsonNode parcel) {

        String tracking() {
            return parcel.get("trackingNumber").asString();
        }
    }

    private Packed packedParcel() {
        Network network = market.network();
        Shipper shipper = market.shipper("TAOBAO", network.nextDay(), cutoffAfterNow(2));
        Api buyer = market.buyer(100_000);
        long orderId = paidOrder(shipper, 1, buyer);
        return new Packed(network, shipper, buyer, orderId,
                market.pack(shipper.api(), orderId, market.lineId(buyer, orderId), 1));
    }

    /** The packed parcel's tracking timeline, as its buyer sees it. */
    private JsonNode timeline(Packed packed) {
        return parcel(market.delivery(packed.buyer(), packed.orderId()), packed.parcel().get("id").asLong()).get("timeline");
    }

    @Test
    void theOrderKeepsThePromiseTheProductPageQuoted() {
        Network network = market.network();
        Shipper shipper = market.shipper("TAOBAO", network.nextDay(), LocalTime.of(16, 0));
        JsonNode quote = market.expect(market.anonymous().get("/api/v1/fulfillment/promise?storeId=" + shipper.seller().storeId()
                + "&country=CN&province=Zhejiang&city=Hangzhou"), 200);
        Api buyer = market.buyer(100_000);

        long orderId = paidOrder(shipper, 1, buyer);

        JsonNode promise = market.delivery(buyer, orderId).get("promise");
        assertThat(promise.get("promisedBy").asString()).isEqualTo(quote.get("promisedBy").asString());
        assertThat(promise.get("serviceKind").asString()).isEqualTo("NEXT_DAY");
        assertThat(promise.get("destination").asString()).as("the lane that served Zhejiang").isEqualTo("CN");
        // The rule itself: before 16:00 Shanghai time on a working day it leaves today, then one working day.
        ZonedDateTime local = now().atZone(market.shanghai());
        LocalDate shipsOn = LocalDate.parse(promise.get("shipsOn").asString());
        boolean weekday = local.getDayOfWeek().getValue() <= 5;
        assertThat(shipsOn.equals(local.toLocalDate())).isEqualTo(weekday && local.toLocalTime().isBefore(LocalTime.of(16, 0)));
        assertThat(LocalDate.parse(promise.get("arrivesBy").asString())).isAfter(shipsOn);
        // A destination without a lane gets no promise, and no order's promise says otherwise.
        assertThat(market.anonymous().get("/api/v1/fulfillment/promise?storeId=" + shipper.seller().storeId()
                + "&country=DE").status()).isEqualTo(404);
    }

    @Test
    void parcelsShipTheOrderAndOnlyTheLastDeliveryDeliversIt() {
        Network network = market.network();
        Shipper shipper = market.shipper("TAOBAO", network.nextDay(), cutoffAfterNow(2));
        Api buyer = market.buyer(100_000);
        long orderId = paidOrder(shipper, 3, buyer);
        long lineId = market.lineId(buyer, orderId);

        JsonNode first = market.pack(shipper.api(), orderId, lineId, 2);
        JsonNode order = market.order(buyer, orderId);
        assertThat(order.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(order.get("trackingNumber").asString()).isEqualTo(first.get("trackingNumber").asString());
        JsonNode second = market.pack(shipper.api(), orderId, lineId, 1);
        Api.Response tooMany = shipper.api().create("/api/v1/orders/" + orderId + "/parcels",
                Map.of("lines", List.of(Map.of("lineId", lineId, "quantity", 1))));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("lines[0].quantity");

        CarrierSimulator carrier = network.simulator();
        String tracking = first.get("trackingNumber").asString();
        Instant t0 = now().minus(Duration.ofHours(6));
        // Out of order, and the first event twice (the carrier retried with a new signature).
        String collected = CarrierSimulator.body("ev-" + UUID.randomUUID(), tracking, EventKind.COLLECTED, t0, "Hangzhou");
        assertThat(carrier.post(CarrierSimulator.body("ev-" + UUID.randomUUID(), tracking, EventKind.DELIVERED,
                t0.plus(Duration.ofHours(5)), "Hangzhou"), now()).statusCode()).isEqualTo(202);
        assertThat(carrier.post(collected, now()).statusCode()).isEqualTo(202);
        assertThat(carrier.post(CarrierSimulator.body("ev-" + UUID.randomUUID(), tracking, EventKind.SORTING_CENTRE,
                t0.plus(Duration.ofHours(1)), "Hangzhou hub"), now()).statusCode()).isEqualTo(202);
        market.clock().advance(Duration.ofSeconds(1));
        HttpResponse<String> again = carrier.post(collected, now());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\":true");

        JsonNode delivery = market.delivery(buyer, orderId);
        JsonNode firstParcel = parcel(delivery, first.get("id").asLong());
        assertThat(kinds(firstParcel)).containsExactly("COLLECTED", "SORTING_CENTRE", "DELIVERED");
        assertThat(firstParcel.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(market.order(buyer, orderId).get("status").asString()).as("one parcel is still on its way").isEqualTo("SHIPPED");

        assertThat(carrier.post(second.get("trackingNumber").asString(), EventKind.DELIVERED, now().minusSeconds(60), now())
                .statusCode()).isEqualTo(202);
        JsonNode delivered = market.order(shipper.api(), orderId);
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        JsonNode last = delivered.get("history").get(delivered.get("history").size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo("system");
        // The seller sees the same timeline as the buyer; another buyer sees nothing.
        assertThat(kinds(parcel(market.delivery(shipper.api(), orderId), first.get("id").asLong())))
                .containsExactly("COLLECTED", "SORTING_CENTRE", "DELIVERED");
        assertThat(market.buyer(0).get("/api/v1/orders/" + orderId + "/delivery").status()).isEqualTo(403);
    }

    @Test
    void badWebhooksAreRefusedWriteNothingAndAreListedForOperators() {
        Packed packed = packedParcel();
        Network network = packed.network();
        String tracking = packed.tracking();
        CarrierSimulator carrier = network.simulator();
        String body = CarrierSimulator.body("bad-" + UUID.randomUUID(), tracking, EventKind.DELIVERED, now(), null);
        long ts = now().getEpochSecond();

        var unsigned = carrier.send(java.net.http.HttpRequest.newBuilder(carrier.endpoint())
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        var forged = new CarrierSimulator(java.net.http.HttpClient.newHttpClient(), market.base(), network.code(), "not-the-secret");
        assertThat(forged.post(body, now()).statusCode()).isEqualTo(401);
        assertThat(carrier.send(carrier.request(body, ts - 600)).statusCode()).as("ten minutes old").isEqualTo(401);
        var malformed = carrier.post(body.replace("DELIVERED", "TELEPORTED"), now());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("kind");
        var noTime = carrier.post("{\"eventId\":\"x1\",\"trackingNumber\":\"" + tracking + "\",\"kind\":\"COLLECTED\"}", now());
        assertThat(noTime.statusCode()).isEqualTo(400);
        assertThat(noTime.body()).contains("occurredAt");
        assertThat(carrier.post("TX0000000000", EventKind.COLLECTED, now(), now()).statusCode()).as("unknown parcel").isEqualTo(404);
        var unknownCarrier = new CarrierSimulator(java.net.http.HttpClient.newHttpClient(), market.base(), "NOPE99", "x");
        assertThat(unknownCarrier.post(body, now()).statusCode()).isEqualTo(404);
        assertThat(market.order(packed.buyer(), packed.orderId()).get("status").asString()).as("nothing refused was applied")
                .isEqualTo("SHIPPED");
        assertThat(timeline(packed)).isEmpty();

        // The same signed request twice is a replay, even though the first one was taken.
        var signed = carrier.request(CarrierSimulator.body("ok-" + UUID.randomUUID(), tracking, EventKind.COLLECTED, now(), null), ts);
        assertThat(carrier.send(signed).statusCode()).isEqualTo(202);
        assertThat(carrier.send(signed).statusCode()).isEqualTo(409);

        JsonNode refused = market.expect(market.operator().get("/api/v1/operator/fulfillment/refused-webhooks?limit=50"), 200);
        List<String> reasons = new ArrayList<>();
        refused.forEach(r -> {
            if (r.get("carrier").asString().equals(network.code())) {
                reasons.add(r.get("reason").asString());
            }
        });
        assertThat(reasons).contains("UNSIGNED", "BAD_SIGNATURE", "STALE", "MALFORMED", "UNKNOWN_PARCEL", "REPLAYED");
        assertThat(packed.shipper().api().get("/api/v1/operator/fulfillment/refused-webhooks").status()).isEqualTo(403);
    }

    @Test
    void aBatchIsCheckedWholeThenEachEventIsTakenAndAnsweredInOrder() {
        Packed packed = packedParcel();
        String tracking = packed.tracking();
        CarrierSimulator carrier = packed.network().simulator();
        long ts = now().getEpochSecond();
        String collected = "b-" + UUID.randomUUID();
        String sorted = "b-" + UUID.randomUUID();

        // One malformed event refuses the batch, naming it; nothing of the batch is taken.
        String bad = CarrierSimulator.batchBody(List.of(
                CarrierSimulator.body(collected, tracking, EventKind.COLLECTED, now().minusSeconds(600), null),
                CarrierSimulator.body(sorted, tracking, EventKind.COLLECTED, now(), null).replace("COLLECTED", "TELEPORTED")));
        var refused = carrier.send(carrier.batchRequest(bad, ts));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("events[1].kind");
        assertThat(timeline(packed)).isEmpty();

        String good = CarrierSimulator.batchBody(List.of(
                CarrierSimulator.body(collected, tracking, EventKind.COLLECTED, now().minusSeconds(600), null),
                CarrierSimulator.body(sorted, tracking, EventKind.SORTING_CENTRE, now().minusSeconds(300), "Hangzhou"),
                CarrierSimulator.body(collected, tracking, EventKind.COLLECTED, now().minusSeconds(600), null),
                CarrierSimulator.body("b-" + UUID.randomUUID(), "TX0000000000", EventKind.COLLECTED, now(), null)));
        var request = carrier.batchRequest(good, ts);
        var answer = carrier.send(request);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode batch = tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body());
        assertThat(batch.get("accepted").asInt()).isEqualTo(2);
        assertThat(batch.get("duplicates").asInt()).isEqualTo(1);
        assertThat(batch.get("refused").asInt()).isEqualTo(1);
        JsonNode events = batch.get("events");
        assertThat(events.get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(events.get(1).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(events.get(1).get("parcelStatus").asString()).isEqualTo("SORTING_CENTRE");
        assertThat(events.get(2).get("status").asString()).as("the same event id again").isEqualTo("DUPLICATE");
        assertThat(events.get(3).get("status").asString()).isEqualTo("REFUSED");
        assertThat(events.get(3).get("reason").asString()).isEqualTo("UNKNOWN_PARCEL");
        assertThat(events.get(3).get("detail").asString()).contains("TX0000000000");
        assertThat(timeline(packed)).hasSize(2);

        assertThat(carrier.send(request).statusCode()).as("the same signed batch again is a replay").isEqualTo(409);
        assertThat(timeline(packed)).hasSize(2);
        var unsigned = carrier.send(java.net.http.HttpRequest.newBuilder(carrier.batchEndpoint())
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(good))
                .build());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        var empty = carrier.send(carrier.batchRequest("{\"events\":[]}", ts));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("events");
    }

    @Test
    void aRotatedSecretTakesOverAndTheOldOneLastsOnlyItsGrace() {
        Packed packed = packedParcel();
        Network network = packed.network();
        String tracking = packed.tracking();
        CarrierSimulator old = network.simulator();

        JsonNode rotated = market.expect(market.operator().post("/api/v1/operator/fulfillment/carriers/" + network.carrierId()
                + "/secret", Map.of("graceHours", 1)), 200);
        String secret = rotated.get("secret").asString();
        assertThat(secret).isNotEqualTo(network.secret());
        assertThat(old.post(tracking, EventKind.COLLECTED, now(), now()).statusCode()).as("old secret, in its grace").isEqualTo(202);
        var fresh = new CarrierSimulator(java.net.http.HttpClient.newHttpClient(), market.base(), network.code(), secret);
        assertThat(fresh.post(tracking, EventKind.SORTING_CENTRE, now(), now()).statusCode()).isEqualTo(202);

        market.clock().advance(Duration.ofMinutes(61));
        // Another instance's cache would hold the secrets at most a few seconds; this one forgot them at the rotation.
        assertThat(old.post(tracking, EventKind.LINE_HAUL, now(), now()).statusCode()).as("grace over").isEqualTo(401);
        assertThat(fresh.post(tracking, EventKind.LINE_HAUL, now(), now()).statusCode()).isEqualTo(202);
        JsonNode carriers = market.expect(market.operator().get("/api/v1/operator/fulfillment/carriers"), 200);
        assertThat(carriers.toString()).doesNotContain(secret);
    }

    @Test
    void anExceptionAlertsTheSellerAndTheOperatorUntilResolved() {
        Packed packed = packedParcel();
        Network network = packed.network();
        Shipper shipper = packed.shipper();
        Shipper other = market.shipper("TAOBAO", network.nextDay(), cutoffAfterNow(2));
        String tracking = packed.tracking();

        String body = "{\"eventId\":\"exc-" + UUID.randomUUID() + "\",\"trackingNumber\":\"" + tracking
                + "\",\"kind\":\"EXCEPTION\",\"occurredAt\":\"" + now() + "\",\"location\":\"Wuhan\",\"note\":\"Address unreachable\"}";
        assertThat(network.simulator().post(body, now()).statusCode()).isEqualTo(202);

        JsonNode alerts = market.expect(shipper.api().get("/api/v1/fulfillment/alerts"), 200);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("note").asString()).isEqualTo("Address unreachable");
        long alertId = alerts.get(0).get("id").asLong();
        assertThat(market.expect(other.api().get("/api/v1/fulfillment/alerts"), 200)).isEmpty();
        assertThat(other.api().post("/api/v1/fulfillment/alerts/" + alertId + "/resolve", null).status()).isEqualTo(404);
        assertThat(market.expect(market.operator().get("/api/v1/fulfillment/alerts"), 200).toString()).contains(tracking);

        market.expect(shipper.api().post("/api/v1/fulfillment/alerts/" + alertId + "/resolve", null), 200);
        assertThat(market.expect(shipper.api().get("/api/v1/fulfillment/alerts"), 200)).isEmpty();
        assertThat(market.expect(market.operator().get("/api/v1/fulfillment/alerts"), 200).toString()).doesNotContain(tracking);
    }

    @Test
    void aBuyersGlobalOrdersAreConsolidatedAtTheHubAndDeliveredTogether() {
        Network network = market.network();
        long hubOfThisTest = market.hub();
        Shipper first = market.shipper("GLOBAL", network.global(), cutoffAfterNow(2));
        Shipper second = market.shipper("GLOBAL", network.global(), cutoffAfterNow(2));
        Api buyer = market.buyer(100_000);
        long buyerId = market.accountId(buyer);
        long orderA = paidOrder(first, 1, buyer);
        long orderB = paidOrder(second, 1, buyer);

        JsonNode parcelA = market.pack(first.api(), orderA, market.lineId(buyer, orderA), 1);
        JsonNode parcelB = market.pack(second.api(), orderB, market.lineId(buyer, orderB), 1);
        assertThat(parcelA.get("kind").asString()).isEqualTo("INBOUND");
        long hub = parcelA.get("hubId").asLong();
        assertThat(hub).isLessThanOrEqualTo(hubOfThisTest);
        CarrierSimulator carrier = network.simulator();
        for (JsonNode parcel : List.of(parcelA, parcelB)) {
            assertThat(carrier.post(parcel.get("trackingNumber").asString(), EventKind.DELIVERED, now(), now()).statusCode())
                    .isEqualTo(202);
        }
        assertThat(market.order(buyer, orderA).get("status").asString()).as("at the hub, not at the buyer's").isEqualTo("SHIPPED");
        JsonNode waiting = market.expect(market.operator().get("/api/v1/operator/fulfillment/consolidations"), 200);
        assertThat(waiting.toString()).contains("\"buyerAccountId\":" + buyerId + ",\"parcels\":2");

        JsonNode international = market.expect(market.operator().create("/api/v1/operator/fulfillment/consolidations",
                Map.of("hubId", hub, "buyerAccountId", buyerId, "serviceId", network.global())), 201);
        assertThat(international.get("kind").asString()).isEqualTo("CONSOLIDATED");
        assertThat(international.get("includedParcels")).hasSize(2);
        assertThat(market.operator().create("/api/v1/operator/fulfillment/consolidations",
                Map.of("hubId", hub, "buyerAccountId", buyerId, "serviceId", network.global())).status())
                .as("nothing left to consolidate").isEqualTo(409);

        String tracking = international.get("trackingNumber").asString();
        assertThat(carrier.post(tracking, EventKind.CUSTOMS, now().minusSeconds(120), now()).statusCode()).isEqualTo(202);
        assertThat(market.order(buyer, orderB).get("status").asString()).isEqualTo("SHIPPED");
        assertThat(carrier.post(tracking, EventKind.DELIVERED, now().minusSeconds(60), now()).statusCode()).isEqualTo(202);

        assertThat(market.order(buyer, orderA).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(market.order(buyer, orderB).get("status").asString()).isEqualTo("DELIVERED");
        JsonNode delivery = market.delivery(buyer, orderA);
        assertThat(parcel(delivery, international.get("id").asLong()).get("timeline")).hasSize(2);
    }

    @Test
    void metricsCountTheSameDayOutboundAndOnTimeDelivery() {
        // 09:00 in Shanghai on the next weekday: paid before the 16:00 cut-off, collected the same day.
        ZonedDateTime local = now().atZone(market.shanghai());
        ZonedDateTime nine = local.toLocalDate().plusDays(1).atTime(9, 0).atZone(market.shanghai());
        while (nine.getDayOfWeek().getValue() > 5) {
            nine = nine.plusDays(1);
        }
        market.clock().advance(Duration.between(local, nine));
        Network network = market.network();
        Shipper shipper = market.shipper("TAOBAO", network.nextDay(), LocalTime.of(16, 0));
        Api buyer = market.buyer(100_000);
        long onTime = paidOrder(shipper, 1, buyer);
        long late = paidOrder(shipper, 1, buyer);
        CarrierSimulator carrier = network.simulator();
        for (long orderId : List.of(onTime, late)) {
            String tracking = market.pack(shipper.api(), orderId, market.lineId(buyer, orderId), 1).get("trackingNumber").asString();
            assertThat(carrier.post(tracking, EventKind.COLLECTED, now(), now()).statusCode()).isEqualTo(202);
        }
        Instant promisedBy = Instant.parse(market.delivery(buyer, late).get("promise").get("promisedBy").asString());
        String onTimeTracking = market.delivery(buyer, onTime).get("parcels").get(0).get("trackingNumber").asString();
        String lateTracking = market.delivery(buyer, late).get("parcels").get(0).get("trackingNumber").asString();
        market.clock().advance(Duration.between(now(), promisedBy).plusHours(1));
        assertThat(carrier.post(onTimeTracking, EventKind.DELIVERED, promisedBy.minusSeconds(3600), now()).statusCode()).isEqualTo(202);
        assertThat(carrier.post(lateTracking, EventKind.DELIVERED, promisedBy.plusSeconds(60), now()).statusCode()).isEqualTo(202);

        JsonNode metrics = market.expect(market.operator().get("/api/v1/operator/fulfillment/metrics?days=30"), 200);
        JsonNode byCarrier = find(metrics.get("byCarrier"), "key", "Test Express " + network.code());
        assertThat(byCarrier.get("delivered").asLong()).isEqualTo(2);
        assertThat(byCarrier.get("onTime").asLong()).isEqualTo(1);
        assertThat(byCarrier.get("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(byCarrier.get("averageTransitDays").asDouble()).isPositive();
        JsonNode outbound = find(metrics.get("outbound"), "warehouseId", String.valueOf(shipper.warehouseId()));
        assertThat(outbound.get("paidBeforeCutoff").asLong()).isEqualTo(2);
        assertThat(outbound.get("leftSameDay").asLong()).isEqualTo(2);
        assertThat(outbound.get("sameDayRate").asDouble()).isEqualTo(1.0);
        assertThat(market.expect(market.operator().get("/api/v1/operator/fulfillment/lanes"), 200).toString())
                .contains("\"serviceId\":" + network.nextDay() + ",\"origin\":\"CN-ZHEJIANG\",\"destination\":\"CN\",\"transitDays\":1,\"delivered\":2,\"onTimeRate\":0.5");
    }

    @Test
    void networkInputIsCheckedFieldByFieldAndOwnersOnly() {
        Network network = market.network();
        Shipper shipper = market.shipper("TAOBAO", network.nextDay(), LocalTime.NOON);
        Shipper other = market.shipper("TAOBAO", network.nextDay(), LocalTime.NOON);
        Api seller = shipper.api();

        assertField(seller.create("/api/v1/fulfillment/warehouses", Map.of("storeId", shipper.seller().storeId(), "name", "X",
                "city", "Hangzhou", "country", "CN", "timeZone", "Mars/Olympus", "cutoff", "16:00", "hub", false)), 400, "timeZone");
        assertField(seller.create("/api/v1/fulfillment/warehouses", Map.of("storeId", shipper.seller().storeId(), "name", "X",
                "city", "Hangzhou", "country", "China", "timeZone", "Asia/Shanghai", "cutoff", "16:00", "hub", false)), 400, "country");
        assertThat(seller.create("/api/v1/fulfillment/warehouses", Map.of("storeId", other.seller().storeId(), "name", "X",
                "city", "Hangzhou", "country", "CN", "timeZone", "Asia/Shanghai", "cutoff", "16:00", "hub", false)).status())
                .isEqualTo(403);
        assertField(seller.put("/api/v1/fulfillment/stores/" + shipper.seller().storeId() + "/template", Map.of(
                "warehouseId", other.warehouseId(), "serviceId", network.nextDay(), "rates", List.of())), 400, "warehouseId");
        assertField(seller.put("/api/v1/fulfillment/stores/" + shipper.seller().storeId() + "/template", Map.of(
                "warehouseId", shipper.warehouseId(), "serviceId", network.nextDay(),
                "rates", List.of(Map.of("destination", "somewhere!", "firstKgMinor", 1, "extraKgMinor", 1)))), 400, "rates[0].destination");
        assertField(market.operator().put("/api/v1/operator/fulfillment/lanes", Map.of("serviceId", network.nextDay(),
                "origin", "CN-ZHEJIANG", "destination", "CN", "transitDays", -1)), 400, "transitDays");
        assertField(market.operator().create("/api/v1/operator/fulfillment/carriers", Map.of("code", "lower", "name", "x")),
                400, "code");
        assertThat(seller.create("/api/v1/operator/fulfillment/carriers", Map.of("code", "ABC", "name", "x")).status()).isEqualTo(403);
        assertField(market.operator().create("/api/v1/operator/fulfillment/holidays", Map.of("country", "CN", "name", "x")), 400, "day");
        assertField(market.operator().create("/api/v1/operator/fulfillment/services", Map.of("carrierId", network.carrierId(),
                "code", "FLY", "kind", "TELEPORT", "name", "x")), 400, "kind");
        assertField(market.anonymous().get("/api/v1/fulfillment/promise?storeId=" + shipper.seller().storeId() + "&country=china"),
                400, "country");
        var empty = network.simulator().post("", now());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("body").doesNotContain("Exception").doesNotContain("jackson");
        assertField(seller.create("/api/v1/orders/999999999/parcels", Map.of("lines", List.of())), 404, "999999999");
        // A refused template left the one set before.
        JsonNode kept = market.expect(seller.get("/api/v1/fulfillment/stores/" + shipper.seller().storeId() + "/template"), 200);
        assertThat(kept.get("warehouse").get("id").asLong()).isEqualTo(shipper.warehouseId());
        assertThat(kept.get("rates").get(0).get("destination").asString()).isEqualTo("CN");
    }

    @Test
    void aHolidayTheOperatorAddsMovesThePromise() {
        Network network = market.network();
        Shipper shipper = market.shipper("TAOBAO", network.nextDay(), LocalTime.of(23, 59));
        String path = "/api/v1/fulfillment/promise?storeId=" + shipper.seller().storeId() + "&country=CN&province=Zhejiang";
        JsonNode before = market.expect(market.anonymous().get(path), 200);
        LocalDate arrives = LocalDate.parse(before.get("arrivesBy").asString());
        // Holidays are per country and shared by every test: this one is removed again at the end.
        market.expect(market.operator().create("/api/v1/operator/fulfillment/holidays",
                Map.of("country", "CN", "day", arrives.toString(), "name", "Test holiday")), 201);
        try {
            JsonNode after = market.expect(market.anonymous().get(path), 200);
            assertThat(LocalDate.parse(after.get("arrivesBy").asString())).isAfter(arrives);
        } finally {
            market.expect(market.operator().delete("/api/v1/operator/fulfillment/holidays/CN/" + arrives), 204);
        }
    }

    private static void assertField(Api.Response response, int status, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.body()).as("names the field").contains(field);
    }

    private static JsonNode parcel(JsonNode delivery, long parcelId) {
        for (JsonNode parcel : delivery.get("parcels")) {
            if (parcel.get("id").asLong() == parcelId) {
                return parcel;
            }
        }
        throw new AssertionError("no parcel " + parcelId + " in " + delivery);
    }

    private static List<String> kinds(JsonNode parcel) {
        List<String> kinds = new ArrayList<>();
        parcel.get("timeline").forEach(event -> kinds.add(event.get("kind").asString()));
        return kinds;
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.get(field).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + list);
    }
}
