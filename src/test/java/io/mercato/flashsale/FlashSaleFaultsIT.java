package io.mercato.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * A flash sale through the faults the festival peak brings, on platforms in JVMs of their own: SIGKILL in the middle
 * of the sale and a restart on the same data directory; and two instances on one PostgreSQL with the attempts spread
 * over both. Each takes about a minute and a half on a quiet two-core machine (mostly the child JVMs' starts). After
 * each: every claim a buyer was told they won exists (and becomes an order), no buyer holds more than
 * the limit, sold + remaining = quantity, the sale's books and the ledger balance, and the stock matches.
 */
class FlashSaleFaultsIT {

    private static final long LIST_PRICE = 10_000;
    private static final long SALE_PRICE = 1_000;
    private static final long STOCK = 1_000;

    private final Path root = Path.of("target/test-data/flash-faults-" + UUID.randomUUID());

    /** A claim a buyer was told about (201), and the buyer's index. */
    record Ack(int buyer, long claimId, long quantity) {
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aPlatformKilledMidSaleKeepsEveryAcknowledgedClaimAndItsBooksAfterTheRestart() throws Exception {
        try (ChildPlatforms platforms = new ChildPlatforms(root)) {
            Process first = platforms.start("first", "data");
            MarketFixture market = new MarketFixture(platforms.awaitHealthy(first));
            Sale sale = sale(market, 1_000, 40);
            List<Api> buyers = buyers(market, 24);

            List<Ack> acks = new ArrayList<>();
            Set<Long> paid = ConcurrentHashMap.newKeySet();
            AtomicBoolean killed = new AtomicBoolean();
            List<Thread> load = new ArrayList<>();
            for (int b = 0; b < buyers.size(); b++) {
                int buyer = b;
                load.add(Thread.ofPlatform().name("buyer-" + b).start(() -> {
                    Api api = buyers.get(buyer);
                    while (!killed.get()) {
                        try {
                            Api.Response won = api.post("/api/v1/flash-sales/" + sale.id() + "/attempts",
                                    Map.of("quantity", 1, "address", MarketFixture.ADDRESS), UUID.randomUUID().toString());
                            if (won.status() == 201) {
                                synchronized (acks) {
                                    acks.add(new Ack(buyer, won.json().get("id").asLong(), 1));
                                }
                            } else if (won.status() == 409) {
                                payOrders(api, sale.id(), paid);
                                Thread.sleep(100);
                            }
                        } catch (IllegalStateException connectionLost) {
                            return;
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            // One payer goes round the buyers paying the orders their claims got, as buyers do (orders are placed
            // between admission groups, so under this load few are paid before the kill; those that are must stay).
            load.add(Thread.ofPlatform().name("payer").start(() -> {
                while (!killed.get()) {
                    for (Api api : buyers) {
                        try {
                            payOrders(api, sale.id(), paid);
                        } catch (IllegalStateException connectionLost) {
                            return;
                        }
                    }
                }
            }));
            // Killed in the middle: 24 buyers may take 960 of the 1,000 units, so attempts are still being won.
            eventually(Duration.ofSeconds(40), () -> acknowledged(acks) >= 60);
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            killed.set(true);
            for (Thread thread : load) {
                thread.join(Duration.ofSeconds(30));
            }
            assertThat(acknowledged(acks)).as("claims acknowledged before the kill").isPositive();

            Process second = platforms.start("second", "data");
            MarketFixture after = new MarketFixture(platforms.awaitHealthy(second));
            List<Api> again = buyers.stream().map(b -> after.anonymous().as(b.token())).toList();
            // Claims the crash left without an order get one from the sweep that runs on every instance.
            eventually(Duration.ofSeconds(40), () -> tally(after, sale.id()).get("won").asLong() == 0);
            checkBooks(after, sale, again, acks, 40);
            for (long order : paid) {
                Api owner = after.anonymous().as(tokenOfOrder(again, order));
                assertThat(owner.get("/api/v1/orders/" + order).json().get("status").asString())
                        .as("paid order %d", order).isEqualTo("PAID");
            }
            System.out.printf("Flash sale killed mid-sale: %d claims acknowledged, %d orders paid, all kept%n",
                    acknowledged(acks), paid.size());
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void twoInstancesOnOneDatabaseNeverOversellNorPassTheLimitAndKeepEveryAcknowledgedClaim() throws Exception {
        try (ChildPlatforms platforms = new ChildPlatforms(root)) {
            int databasePort = ChildPlatforms.freePort();
            Process one = platforms.start("one", "one", "--mercato.embedded-port=" + databasePort);
            MarketFixture a = new MarketFixture(platforms.awaitHealthy(one));
            Path password = platforms.dataDir("one").resolve("postgres.password");
            Process two = platforms.start("two", "two",
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres",
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=" + Files.readString(password).strip());
            MarketFixture b = new MarketFixture(platforms.awaitHealthy(two));

            int limit = 2;
            Sale sale = sale(a, 50, limit);
            List<Api> buyersOnA = buyers(a, 40);
            List<Api> buyersOnB = buyersOnA.stream().map(buyer -> b.anonymous().as(buyer.token())).toList();
            List<Ack> acks = new ArrayList<>();
            Map<String, Integer> wonOn = new ConcurrentHashMap<>();
            List<Thread> load = new ArrayList<>();
            // Two threads per buyer. The first half of the buyers send one thread to each instance, so their attempts
            // race each other on both and the limit must hold across them; the second half go to the second
            // instance only, so it sells at least 10 units even while it is the colder of the two.
            b.anonymous().get("/api/v1/flash-sales/" + sale.id());
            for (int i = 0; i < buyersOnA.size() * 2; i++) {
                int buyer = i / 2;
                boolean onA = buyer < buyersOnA.size() / 2 && i % 2 == 0;
                load.add(Thread.ofPlatform().name("buyer-" + i).start(() -> {
                    for (int attempt = 0; attempt < 3; attempt++) {
                        Api api = (onA ? buyersOnA : buyersOnB).get(buyer);
                        Api.Response won = api.post("/api/v1/flash-sales/" + sale.id() + "/attempts",
                                Map.of("quantity", 1, "address", MarketFixture.ADDRESS), UUID.randomUUID().toString());
                        if (won.status() == 201) {
                            synchronized (acks) {
                                acks.add(new Ack(buyer, won.json().get("id").asLong(), 1));
                            }
                            wonOn.merge(onA ? "one" : "two", 1, Integer::sum);
                        }
                    }
                }));
            }
            for (Thread thread : load) {
                thread.join(Duration.ofSeconds(90));
            }
            assertThat(acknowledged(acks)).as("claims acknowledged").isPositive();
            assertThat(wonOn.keySet()).as("both instances sold").containsExactlyInAnyOrder("one", "two");
            eventually(Duration.ofSeconds(40), () -> tally(b, sale.id()).get("won").asLong() == 0);
            checkBooks(b, sale, buyersOnB, acks, limit);
            assertThat(b.anonymous().get("/api/v1/flash-sales/" + sale.id()).json().get("sold").asLong())
                    .as("sold out: 240 attempts for 50 units").isEqualTo(50);
            System.out.printf("Two instances: 50 units sold, %s per instance%n", wonOn);
        }
    }

    record Sale(long id, long sku, long quantity) {
    }

    private static Sale sale(MarketFixture market, long quantity, int limit) {
        MarketFixture.Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), LIST_PRICE, STOCK);
        Instant now = Instant.now();
        Api.Response created = seller.api().create("/api/v1/flash-sales", Map.of("name", "Hot SKU", "skuId", sku,
                "priceMinor", SALE_PRICE, "quantity", quantity, "perBuyerLimit", limit,
                "startsAt", now.toString(), "endsAt", now.plus(Duration.ofHours(2)).toString()));
        assertThat(created.status()).as("schedule: %s", created).isEqualTo(201);
        return new Sale(created.id(), sku, quantity);
    }

    private static List<Api> buyers(MarketFixture market, int count) {
        return Stream.generate(() -> market.buyer(1_000_000)).limit(count).toList();
    }

    /** Pays the buyer's flash-sale orders that await payment; remembers the ones paid (200). */
    private static void payOrders(Api buyer, long saleId, Set<Long> paid) {
        for (JsonNode claim : buyer.get("/api/v1/flash-sales/" + saleId + "/claims").json()) {
            if (claim.get("status").asString().equals("ORDERED") && claim.hasNonNull("orderId")) {
                long order = claim.get("orderId").asLong();
                if (!paid.contains(order) && buyer.create("/api/v1/orders/" + order + "/payment", null).status() == 200) {
                    paid.add(order);
                }
            }
        }
    }

    private static String tokenOfOrder(List<Api> buyers, long order) {
        for (Api buyer : buyers) {
            if (buyer.get("/api/v1/orders/" + order).status() == 200) {
                return buyer.token();
            }
        }
        throw new AssertionError("order " + order + " belongs to none of the buyers");
    }

    private static long acknowledged(List<Ack> acks) {
        synchronized (acks) {
            return acks.stream().mapToLong(Ack::quantity).sum();
        }
    }

    private static JsonNode tally(MarketFixture market, long saleId) {
        return market.operator().get("/api/v1/flash-sales/" + saleId + "/tally").json();
    }

    /**
     * Every acknowledged claim is among its buyer's claims and has an order that exists, no buyer holds more than the
     * limit, sold = units of held claims ≤ quantity, sold + remaining = quantity, the stock lent to the orders matches,
     * and the ledger balances.
     */
    private static void checkBooks(MarketFixture market, Sale sale, List<Api> buyers, List<Ack> acks, int limit) {
        Map<Integer, Set<Long>> acknowledgedOf = new HashMap<>();
        synchronized (acks) {
            acks.forEach(ack -> acknowledgedOf.computeIfAbsent(ack.buyer(), k -> new HashSet<>()).add(ack.claimId()));
        }
        long held = 0;
        for (int b = 0; b < buyers.size(); b++) {
            Api buyer = buyers.get(b);
            Set<Long> found = new HashSet<>();
            long holds = 0;
            for (JsonNode claim : buyer.get("/api/v1/flash-sales/" + sale.id() + "/claims").json()) {
                found.add(claim.get("id").asLong());
                String status = claim.get("status").asString();
                if (status.equals("ORDERED") || status.equals("WON")) {
                    holds += claim.get("quantity").asLong();
                    assertThat(status).as("claim %d has its order", claim.get("id").asLong()).isEqualTo("ORDERED");
                    JsonNode order = buyer.get("/api/v1/orders/" + claim.get("orderId").asLong()).json();
                    assertThat(order.get("totalMinor").asLong()).as("at the sale price").isEqualTo(SALE_PRICE);
                }
            }
            assertThat(found).as("buyer %d's acknowledged claims", b)
                    .containsAll(acknowledgedOf.getOrDefault(b, Set.of()));
            assertThat(holds).as("units buyer %d holds", b).isLessThanOrEqualTo(limit);
            held += holds;
        }
        JsonNode view = market.anonymous().get("/api/v1/flash-sales/" + sale.id()).json();
        long sold = view.get("sold").asLong();
        assertThat(sold + view.get("remaining").asLong()).as("sold + remaining").isEqualTo(sale.quantity());
        assertThat(sold).as("never oversold").isLessThanOrEqualTo(sale.quantity()).isEqualTo(held);
        assertThat(acknowledged(acks)).as("acknowledged units").isLessThanOrEqualTo(sold);
        JsonNode tally = tally(market, sale.id());
        assertThat(tally.get("balances").asBoolean()).as("books: %s", tally).isTrue();
        assertThat(market.available(sale.sku())).as("stock held by the sale's orders").isEqualTo(STOCK - held);
        market.operator().get("/api/v1/operator/ledger/trial-balance").json().properties()
                .forEach(sum -> assertThat(sum.getValue().asLong()).as("trial balance in %s", sum.getKey()).isZero());
    }

    private static void eventually(Duration within, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return; // the checks that follow say what is missing
            }
            Thread.sleep(200);
        }
    }
}
