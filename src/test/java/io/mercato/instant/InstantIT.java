package io.mercato.instant;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Instant commerce over the real API: a local store's zone and quotes, a buyer's delivery, dispatch, and a rider
 * who accepts, picks up and delivers with the buyer's proof code; and the refusals on the way. Each test works in a
 * city of its own (its own degree of latitude), so riders of one test are never the nearest of another's.
 */
@MercatoTest
class InstantIT {

    private static final AtomicInteger CITY = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    private MarketFixture market;
    private double lat;
    private final double lng = 120.15;

    @BeforeEach
    void newCity() {
        market = new MarketFixture(port);
        lat = 20 + CITY.incrementAndGet();
    }

    record Shop(MarketFixture.Seller seller, long sku) {
    }

    private Shop localStore(Map<String, Object> zone) {
        MarketFixture.Seller seller = market.seller("LOCAL");
        Api.Response profile = seller.api().put("/api/v1/instant/stores/" + seller.storeId(), Map.of(
                "location", Map.of("lat", lat, "lng", lng), "timeZone", "Asia/Shanghai", "opens", "00:00",
                "closes", "00:00", "prepMinutes", 5, "zone", zone, "deliveryFeeMinor", 500,
                "commissionBasisPoints", 500, "riderPayMinor", 700, "subsidyMinor", 100));
        assertThat(profile.status()).as("profile: %s", profile).isEqualTo(200);
        long sku = market.listedSku(seller, market.category(500), 2_000, 1_000);
        return new Shop(seller, sku);
    }

    private Shop localStore() {
        return localStore(Map.of("radiusMetres", 3_000));
    }

    /** A rider, enrolled, on line, at the position. */
    private Api rider(double atLat, double atLng, int capacity) {
        Api account = market.account("BUYER");
        Api.Response enrolled = market.operator().create("/api/v1/instant/riders",
                Map.of("accountId", market.accountId(account), "name", "Rider " + atLat, "capacity", capacity));
        assertThat(enrolled.status()).as("enrol: %s", enrolled).isEqualTo(201);
        assertThat(account.post("/api/v1/instant/riders/me/position", Map.of("lat", atLat, "lng", atLng)).status()).isEqualTo(200);
        assertThat(account.post("/api/v1/instant/riders/me/shift", Map.of("online", true)).status()).isEqualTo(200);
        return account;
    }

    private JsonNode delivery(Api buyer, Shop shop, double dropLat, double dropLng) {
        long order = market.paidOrder(buyer, shop.sku(), 1);
        Api.Response requested = buyer.create("/api/v1/instant/deliveries", Map.of("orderId", order, "lat", dropLat, "lng", dropLng));
        assertThat(requested.status()).as("delivery: %s", requested).isEqualTo(201);
        return requested.json();
    }

    private void dispatch() {
        Api.Response round = market.operator().post("/api/v1/operator/instant/dispatch", null);
        assertThat(round.status()).as("dispatch: %s", round).isEqualTo(200);
    }

    private JsonNode task(Api rider, long taskId) {
        for (JsonNode task : rider.get("/api/v1/instant/riders/me/tasks").json()) {
            if (task.get("id").asLong() == taskId) {
                return task;
            }
        }
        return null;
    }

    @Test
    void aRadiusZoneCoversWhatIsWithinItAndTheQuoteSaysWhatArrivesInHalfAnHour() {
        Shop shop = localStore();
        Api buyer = market.buyer(100_000);
        JsonNode near = buyer.get("/api/v1/instant/quote?storeId=" + shop.seller().storeId() + "&lat=" + (lat + 0.01) + "&lng=" + lng).json();
        assertThat(near.get("inZone").asBoolean()).isTrue();
        assertThat(near.get("deliverable").asBoolean()).isTrue();
        assertThat(near.get("deliveryFeeMinor").asLong()).isEqualTo(500);
        JsonNode far = buyer.get("/api/v1/instant/quote?storeId=" + shop.seller().storeId() + "&lat=" + (lat + 0.05) + "&lng=" + lng).json();
        assertThat(far.get("inZone").asBoolean()).isFalse();

        rider(lat + 0.002, lng, 3);
        JsonNode reachable = buyer.get("/api/v1/instant/reachable?lat=" + (lat + 0.005) + "&lng=" + lng).json();
        assertThat(reachable.findValuesAsString("storeName")).contains(near.get("storeName").asString());
        JsonNode reachableFar = buyer.get("/api/v1/instant/reachable?lat=" + (lat + 0.05) + "&lng=" + lng).json();
        assertThat(reachableFar.findValues("storeId").stream().map(JsonNode::asLong).toList())
                .doesNotContain(shop.seller().storeId());
    }

    @Test
    void aPolygonZoneCoversItsInsideOnly() {
        double d = 0.01;
        Shop shop = localStore(Map.of("polygon", List.of(Map.of("lat", lat - d, "lng", lng - d),
                Map.of("lat", lat - d, "lng", lng + d), Map.of("lat", lat + d, "lng", lng + d), Map.of("lat", lat + d, "lng", lng))));
        Api buyer = market.buyer(100_000);
        String quote = "/api/v1/instant/quote?storeId=" + shop.seller().storeId();
        assertThat(buyer.get(quote + "&lat=" + lat + "&lng=" + (lng + 0.005)).json().get("inZone").asBoolean()).isTrue();
        // The polygon's cut corner: north-west of the store is outside although it is close.
        assertThat(buyer.get(quote + "&lat=" + (lat + 0.009) + "&lng=" + (lng - 0.009)).json().get("inZone").asBoolean()).isFalse();
        long order = market.paidOrder(buyer, shop.sku(), 1);
        Api.Response outside = buyer.post("/api/v1/instant/deliveries", Map.of("orderId", order, "lat", lat + 0.009, "lng", lng - 0.009));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().toString()).contains("drop");
    }

    @Test
    void aRiderTakesAnOrderFromOfferToTheBuyersDoorWithTheProofCode() {
        Shop shop = localStore();
        Api rider = rider(lat + 0.003, lng, 3);
        Api otherRider = rider(lat - 0.3, lng, 3);
        Api buyer = market.buyer(100_000);
        double dropLat = lat + 0.012;
        JsonNode delivery = delivery(buyer, shop, dropLat, lng);
        long taskId = delivery.get("id").asLong();
        String code = delivery.get("proofCode").asString();
        assertThat(code).matches("[0-9]{4}");
        assertThat(delivery.get("quotedMinutes").asInt()).isBetween(5, 30);
        // The goods (2,000) and the delivery fee less the platform's subsidy (500 − 100) came out of the wallet.
        assertThat(balance(buyer, "WALLET")).isEqualTo(100_000 - 2_000 - 400);

        dispatch();
        JsonNode offered = task(rider, taskId);
        assertThat(offered).as("offered to the nearby rider").isNotNull();
        assertThat(offered.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(offered.has("proofCode")).as("riders do not see the code").isFalse();

        assertThat(otherRider.post("/api/v1/instant/tasks/" + taskId + "/accept", null).status()).isEqualTo(403);
        assertThat(rider.post("/api/v1/instant/tasks/" + taskId + "/accept", null).status()).isEqualTo(200);
        Api.Response twice = rider.post("/api/v1/instant/tasks/" + taskId + "/accept", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(otherRider.post("/api/v1/instant/tasks/" + taskId + "/pickup", null).status()).isEqualTo(403);

        // 330 m from the store: not there yet.
        assertThat(rider.post("/api/v1/instant/tasks/" + taskId + "/pickup", null).status()).isEqualTo(409);
        clock.advance(Duration.ofMinutes(2));
        assertThat(rider.post("/api/v1/instant/riders/me/position", Map.of("lat", lat + 0.0005, "lng", lng)).status()).isEqualTo(200);
        Api.Response picked = rider.post("/api/v1/instant/tasks/" + taskId + "/pickup", null);
        assertThat(picked.status()).as("pickup: %s", picked).isEqualTo(200);
        assertThat(buyer.get("/api/v1/orders/" + delivery.get("orderId").asLong()).json().get("status").asString()).isEqualTo("SHIPPED");

        clock.advance(Duration.ofMinutes(5));
        assertThat(rider.post("/api/v1/instant/riders/me/position", Map.of("lat", dropLat, "lng", lng)).status()).isEqualTo(200);
        String wrong = code.equals("0000") ? "1111" : "0000";
        Api.Response refused = rider.post("/api/v1/instant/tasks/" + taskId + "/delivery", Map.of("proofCode", wrong));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().toString()).contains("proofCode");
        Api.Response delivered = rider.post("/api/v1/instant/tasks/" + taskId + "/delivery", Map.of("proofCode", code));
        assertThat(delivered.status()).as("deliver: %s", delivered).isEqualTo(200);
        assertThat(delivered.json().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.json().get("late").asBoolean()).isFalse();
        assertThat(buyer.get("/api/v1/orders/" + delivery.get("orderId").asLong()).json().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(balance(rider, "RIDER")).as("the rider's pay, owed by the platform").isEqualTo(700);
        assertThat(deliveryPostings(buyer, delivery.get("orderId").asLong()))
                .containsExactly("DELIVERY_FEE:DELIVERY_ESCROW:500,SUBSIDY:-100,WALLET:-400",
                        "RIDER_PAY:DELIVERY_ESCROW:-500,DELIVERY_REVENUE:-200,RIDER:700");
        assertBooksBalance();

        JsonNode economics = null;
        for (JsonNode row : market.operator().get("/api/v1/operator/instant/economics?limit=1000").json()) {
            if (row.get("deliveryId").asLong() == taskId) {
                economics = row;
            }
        }
        assertThat(economics).isNotNull();
        // 500 fee + 5% of 2,000 − 700 rider − 100 subsidy
        assertThat(economics.get("commissionMinor").asLong()).isEqualTo(100);
        assertThat(economics.get("marginMinor").asLong()).isEqualTo(500 + 100 - 700 - 100);
    }

    @Test
    void theDeliveryFeeComesFromTheBuyersWalletAndGoesBackWhenTheOrderIsRefundedBeforePickup() {
        Shop shop = localStore();
        Api rider = rider(lat + 0.003, lng, 3);
        Api buyer = market.buyer(2_000 + 399);
        long order = market.paidOrder(buyer, shop.sku(), 1);
        Map<String, Object> drop = Map.of("orderId", order, "lat", lat + 0.012, "lng", lng);

        Api.Response short1 = buyer.in("zh-CN").create("/api/v1/instant/deliveries", drop);
        assertThat(short1.status()).as("one fen short: %s", short1).isEqualTo(409);
        assertThat(short1.json().toString()).doesNotContain("Exception");
        assertThat(buyer.get("/api/v1/instant/orders/" + order + "/delivery").status()).as("nothing written").isEqualTo(404);
        assertThat(balance(buyer, "WALLET")).isEqualTo(399);

        market.topUp(buyer, 1);
        Api.Response requested = buyer.create("/api/v1/instant/deliveries", drop);
        assertThat(requested.status()).as("delivery: %s", requested).isEqualTo(201);
        long taskId = requested.json().get("id").asLong();
        assertThat(balance(buyer, "WALLET")).isZero();
        dispatch();
        assertThat(rider.post("/api/v1/instant/tasks/" + taskId + "/accept", null).status()).isEqualTo(200);

        Api.Response refund = buyer.create("/api/v1/orders/" + order + "/refunds", Map.of("reason", "changed my mind"));
        assertThat(refund.status()).as("refund: %s", refund).isIn(200, 201);
        assertThat(buyer.get("/api/v1/orders/" + order).json().get("status").asString()).isEqualTo("REFUNDED");
        String status = "";
        for (int i = 0; i < 100 && !status.equals("CANCELLED"); i++) {
            status = buyer.get("/api/v1/instant/orders/" + order + "/delivery").json().get("status").asString();
            sleep(100);
        }
        assertThat(status).as("the delivery of a refunded order").isEqualTo("CANCELLED");
        assertThat(balance(buyer, "WALLET")).as("goods and fee back").isEqualTo(2_400);
        assertThat(task(rider, taskId)).as("no longer the rider's task").isNull();
        assertThat(balance(rider, "RIDER")).isZero();
        assertThat(deliveryPostings(buyer, order)).containsExactly(
                "DELIVERY_FEE:DELIVERY_ESCROW:500,SUBSIDY:-100,WALLET:-400",
                "DELIVERY_FEE_REFUND:DELIVERY_ESCROW:-500,SUBSIDY:100,WALLET:400");
        JsonNode economics = null;
        for (JsonNode row : market.operator().get("/api/v1/operator/instant/economics?limit=1000").json()) {
            if (row.get("deliveryId").asLong() == taskId) {
                economics = row;
            }
        }
        assertThat(economics).isNotNull();
        assertThat(economics.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(economics.get("deliveryFeeMinor").asLong()).isZero();
        assertThat(economics.get("subsidyMinor").asLong()).isZero();
        assertBooksBalance();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The balance of the caller's own account of that kind in yuan (zero when it has none). */
    private static long balance(Api holder, String kind) {
        for (JsonNode account : holder.get("/api/v1/wallet").json()) {
            if (account.get("kind").asString().equals(kind) && account.get("currency").asString().equals("CNY")) {
                return account.get("balanceMinor").asLong();
            }
        }
        return 0;
    }

    /** The order's delivery postings as {@code KIND:ACCOUNT:amount,…}, oldest first, from the buyer's statement. */
    private List<String> deliveryPostings(Api buyer, long orderId) {
        List<String> postings = new java.util.ArrayList<>();
        JsonNode all = buyer.get("/api/v1/orders/" + orderId + "/postings").json();
        for (JsonNode posting : all) {
            if (!posting.get("reference").asString().startsWith("delivery:")) {
                continue;
            }
            List<String> legs = new java.util.ArrayList<>();
            for (JsonNode entry : posting.get("entries")) {
                legs.add(entry.get("account").asString() + ":" + entry.get("amountMinor").asLong());
            }
            legs.sort(null);
            postings.add(posting.get("kind").asString() + ":" + String.join(",", legs));
        }
        return postings;
    }

    private void assertBooksBalance() {
        market.operator().get("/api/v1/operator/ledger/trial-balance").json().properties()
                .forEach(sum -> assertThat(sum.getValue().asLong()).as("trial balance in %s", sum.getKey()).isZero());
    }

    @Test
    void positionsOutsideTheWorldOrTooFarFromTheLastAreRefusedInTheReadersLanguage() {
        Api rider = rider(lat, lng, 2);
        Api.Response outside = rider.post("/api/v1/instant/riders/me/position", Map.of("lat", 91, "lng", lng));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().toString()).contains("lat");
        Api.Response east = rider.post("/api/v1/instant/riders/me/position", Map.of("lat", lat, "lng", 181));
        assertThat(east.status()).isEqualTo(400);
        Api.Response jump = rider.in("zh-CN").post("/api/v1/instant/riders/me/position", Map.of("lat", lat + 0.5, "lng", lng));
        assertThat(jump.status()).isEqualTo(400);
        assertThat(jump.json().toString()).contains("position").contains("骑手");
        assertThat(rider.get("/api/v1/instant/riders/me").json().get("position").get("lat").asDouble()).isEqualTo(lat);
        Api.Response missing = rider.post("/api/v1/instant/riders/me/position", Map.of("lat", lat));
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void aReplanKeepsAcceptedTasksWithTheirRiderAndNeverOffersADeclinedTaskAgain() {
        Shop shop = localStore();
        Api first = rider(lat + 0.002, lng, 3);
        Api buyer = market.buyer(100_000);
        long accepted = delivery(buyer, shop, lat + 0.01, lng).get("id").asLong();
        dispatch();
        assertThat(first.post("/api/v1/instant/tasks/" + accepted + "/accept", null).status()).isEqualTo(200);

        // The first rider rides away; a second arrives at the store. The accepted task stays with the first.
        clock.advance(Duration.ofMinutes(3));
        assertThat(first.post("/api/v1/instant/riders/me/position", Map.of("lat", lat - 0.02, "lng", lng)).status()).isEqualTo(200);
        Api second = rider(lat, lng + 0.0005, 3);
        long declined = delivery(buyer, shop, lat + 0.012, lng).get("id").asLong();
        dispatch();
        assertThat(task(first, accepted).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(task(second, accepted)).isNull();

        JsonNode offer = task(second, declined) != null ? task(second, declined) : task(first, declined);
        Api offeredTo = task(second, declined) != null ? second : first;
        Api other = offeredTo == second ? first : second;
        assertThat(offer).isNotNull();
        assertThat(offeredTo.post("/api/v1/instant/tasks/" + declined + "/decline", null).status()).isEqualTo(200);
        dispatch();
        assertThat(task(offeredTo, declined)).as("never offered again to who declined").isNull();
        assertThat(task(other, declined)).as("offered to the other rider").isNotNull();
        assertThat(task(first, accepted).get("status").asString()).isEqualTo("ACCEPTED");
        // A rider holding an accepted task cannot go off line.
        assertThat(first.post("/api/v1/instant/riders/me/shift", Map.of("online", false)).status()).isEqualTo(409);
    }

    @Test
    void aBuyerCannotAskForADeliveryOfSomeoneElsesOrAnUnpaidOrderOrTwice() {
        Shop shop = localStore();
        Api buyer = market.buyer(100_000);
        Api other = market.buyer(100_000);
        long order = market.paidOrder(buyer, shop.sku(), 1);
        Map<String, Object> body = Map.of("orderId", order, "lat", lat + 0.01, "lng", lng);
        assertThat(other.post("/api/v1/instant/deliveries", body).status()).isIn(403, 404);
        assertThat(buyer.post("/api/v1/instant/deliveries", body).status()).isEqualTo(201);
        assertThat(buyer.post("/api/v1/instant/deliveries", body).status()).isEqualTo(409);
        long unpaid = market.checkout(buyer, shop.sku(), 1).json().get("orders").get(0).get("id").asLong();
        assertThat(buyer.post("/api/v1/instant/deliveries", Map.of("orderId", unpaid, "lat", lat, "lng", lng)).status()).isEqualTo(409);
        assertThat(other.get("/api/v1/instant/orders/" + order + "/delivery").status()).isIn(403, 404);
        assertThat(buyer.get("/api/v1/instant/orders/" + order + "/delivery").json().get("proofCode").asString()).hasSize(4);
    }
}
