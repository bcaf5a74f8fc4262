package io.mercato.flashsale;

import static io.mercato.flashsale.FlashSaleFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Flash sales over the API: scheduling, racing buyers, limits, orders, timeouts and the books. */
@MercatoTest
class FlashSaleIT {

    private static final long LIST_PRICE = 10_000;
    private static final long SALE_PRICE = 990;

    @RegisterExtension
    final FlashSaleFixture market = new FlashSaleFixture();

    @Test
    void racingBuyersGetExactlyTheQuantityWithinTheirLimitAndEachWinnerAnOrderAtTheSalePrice() throws Exception {
        Seller seller = market.seller("TAOBAO");
        long sku = market.sku(seller, LIST_PRICE, 100);
        long sale = market.liveSale(seller, sku, SALE_PRICE, 20, 2);
        List<Api> buyers = Stream.generate(() -> market.buyer(100_000)).limit(15).toList();

        // 15 buyers, 4 attempts each, all at once: 60 attempts for 20 units with at most 2 per buyer.
        Map<Integer, List<Integer>> statuses = new ConcurrentHashMap<>();
        Map<Long, JsonNode> claims = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            List<Future<?>> attempts = new ArrayList<>();
            for (int b = 0; b < buyers.size(); b++) {
                for (int attempt = 0; attempt < 4; attempt++) {
                    int n = attempt;
                    Api buyer = buyers.get(b);
                    int index = b;
                    String key = "race-" + index + "-" + n;
                    attempts.add(pool.submit(() -> {
                        Api.Response answer = market.attempt(buyer, sale, 1, key);
                        for (int retry = 0; answer.status() == 429 && retry < 10; retry++) {
                            // What a client does with 429 and Retry-After: the same attempt again, same key.
                            assertThat(answer.body()).as("429 carries Retry-After's sense").isNotEmpty();
                            answer = market.attempt(buyer, sale, 1, key);
                        }
                        statuses.computeIfAbsent(answer.status(), k -> new ArrayList<>()).add(index);
                        if (answer.status() == 201) {
                            claims.put(answer.json().get("id").asLong(), answer.json());
                        } else {
                            assertThat(answer.status()).as("refusal: %s", answer).isEqualTo(409);
                        }
                    }));
                }
            }
            for (Future<?> attempt : attempts) {
                attempt.get();
            }
        }
        assertThat(claims).as("every unit sold once, no more").hasSize(20);
        Map<Long, Long> unitsPerBuyer = new HashMap<>();
        claims.values().forEach(c -> unitsPerBuyer.merge(c.get("buyerAccountId").asLong(), c.get("quantity").asLong(), Long::sum));
        assertThat(unitsPerBuyer.values()).as("per-buyer limit").allMatch(units -> units <= 2);

        JsonNode after = market.sale(sale);
        assertThat(after.get("remaining").asLong()).isZero();
        assertThat(after.get("status").asString()).isEqualTo("SOLD_OUT");
        Api.Response late = market.attempt(market.buyer(100_000), sale, 1);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("sold out");

        // Every claim becomes an order awaiting payment, at the sale price, holding the units.
        allOrdered(sale);
        for (Api buyer : buyers) {
            for (JsonNode claim : buyer.get("/api/v1/flash-sales/" + sale + "/claims").json()) {
                assertThat(claim.get("status").asString()).isEqualTo("ORDERED");
                JsonNode order = buyer.get("/api/v1/orders/" + claim.get("orderId").asLong()).json();
                assertThat(order.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
                assertThat(order.get("totalMinor").asLong()).isEqualTo(SALE_PRICE);
            }
        }
        assertThat(market.available(sku)).isEqualTo(80);
        JsonNode tally = market.tally(sale);
        assertThat(tally.get("sold").asLong()).isEqualTo(20);
        assertThat(tally.get("held").asLong()).isEqualTo(20);
        assertThat(tally.get("ordered").asLong()).isEqualTo(20);
        assertThat(tally.get("balances").asBoolean()).isTrue();
    }

    @Test
    void unpaidWinnersTimeOutAndTheirUnitsGoBackOnSale() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.sku(seller, LIST_PRICE, 10);
        long sale = market.liveSale(seller, sku, SALE_PRICE, 2, 1);
        Api payer = market.buyer(100_000);
        Api idler = market.buyer(100_000);
        long payerClaim = market.attempt(payer, sale, 1).id();
        assertThat(market.attempt(idler, sale, 1).status()).isEqualTo(201);
        assertThat(market.attempt(market.buyer(100_000), sale, 1).status()).as("sold out").isEqualTo(409);
        allOrdered(sale);
        long paidOrder = payer.get("/api/v1/flash-sales/" + sale + "/claims").json().get(0).get("orderId").asLong();
        assertThat(payer.get("/api/v1/flash-sales/" + sale + "/claims").json().get(0).get("id").asLong()).isEqualTo(payerClaim);
        assertThat(payer.create("/api/v1/orders/" + paidOrder + "/payment", null).status()).isEqualTo(200);

        market.clock().advance(Duration.ofMinutes(31));
        assertThat(market.operator().create("/api/v1/operator/order-timers", null).status()).isEqualTo(200);

        eventually("the unpaid order's unit is back on sale", () -> market.sale(sale).get("remaining").asLong() == 1);
        JsonNode idlerClaim = idler.get("/api/v1/flash-sales/" + sale + "/claims").json().get(0);
        assertThat(idlerClaim.get("status").asString()).isEqualTo("RETURNED");
        // Sold-out answers from memory last half a second at most.
        eventually("a new buyer wins the returned unit", () -> market.attempt(market.buyer(100_000), sale, 1).status() == 201);
        JsonNode tally = market.tally(sale);
        assertThat(tally.get("balances").asBoolean()).isTrue();
        assertThat(tally.get("returned").asLong()).isEqualTo(1);
    }

    @Test
    void aClaimWonInTheWindowWhoseOrderIsPlacedAfterItEndsStillPaysTheSalePrice() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.sku(seller, LIST_PRICE, 10);
        Instant now = market.clock().instant();
        Api.Response scheduled = market.schedule(seller.api(), sku, SALE_PRICE, 5, 1, now, now.plus(Duration.ofHours(1)));
        assertThat(scheduled.status()).as("schedule: %s", scheduled).isEqualTo(201);
        long sale = scheduled.id();
        Api first = market.buyer(100_000);
        assertThat(market.attempt(first, sale, 1).status()).isEqualTo(201);
        allOrdered(sale);
        assertThat(first.get("/api/v1/flash-sales/" + sale + "/claims").json().get(0).get("status").asString())
                .isEqualTo("ORDERED");

        // The window ends; then a claim won inside it (a crash came between its commit and its order) gets its order.
        market.clock().advance(Duration.ofHours(2));
        Api late = market.buyer(100_000);
        long lateBuyer = market.accountId(late);
        var jdbc = market.jdbc();
        jdbc.sql("""
                INSERT INTO flashsale.claims (sale_id, buyer_id, quantity, attempt_key, address, status, claimed_at)
                SELECT sale_id, ?, 1, 'won-before-a-crash', address, 'WON', claimed_at FROM flashsale.claims
                WHERE sale_id = ?""").params(lateBuyer, sale).update();
        jdbc.sql("UPDATE flashsale.sales SET sold = sold + 1 WHERE id = ?").param(sale).update();
        jdbc.sql("INSERT INTO flashsale.buyer_counts (sale_id, buyer_id, quantity) VALUES (?, ?, 1)")
                .params(sale, lateBuyer).update();
        allOrdered(sale);

        JsonNode claim = late.get("/api/v1/flash-sales/" + sale + "/claims").json().get(0);
        assertThat(claim.get("status").asString()).isEqualTo("ORDERED");
        JsonNode order = late.get("/api/v1/orders/" + claim.get("orderId").asLong()).json();
        assertThat(order.get("totalMinor").asLong()).as("the sale price, not the list price").isEqualTo(SALE_PRICE);
        // Anyone else buying the SKU now pays the list price.
        Api.Response ordinary = market.checkout(market.buyer(100_000), sku, 1);
        assertThat(ordinary.status()).as("checkout: %s", ordinary).isEqualTo(201);
        assertThat(ordinary.json().get("orders").get(0).get("totalMinor").asLong()).isEqualTo(LIST_PRICE);
        assertThat(market.tally(sale).get("balances").asBoolean()).isTrue();
    }

    @Test
    void aSaleIsCancelledBeforeItStartsByItsSellerOrAnOperatorAndThenNeitherSellsNorPricesTheSku() {
        Seller seller = market.seller("TAOBAO");
        Seller other = market.seller("TAOBAO");
        long sku = market.sku(seller, LIST_PRICE, 10);
        Instant now = market.clock().instant();
        Instant start = now.plus(Duration.ofHours(1));
        Api.Response scheduled = market.schedule(seller.api(), sku, SALE_PRICE, 5, 1, start, start.plus(Duration.ofHours(2)));
        assertThat(scheduled.status()).as("schedule: %s", scheduled).isEqualTo(201);
        long sale = scheduled.id();
        Api buyer = market.buyer(100_000);

        assertThat(other.api().create("/api/v1/flash-sales/" + sale + "/cancellation", null).status()).isEqualTo(403);
        assertThat(buyer.create("/api/v1/flash-sales/" + sale + "/cancellation", null).status()).isEqualTo(403);
        Api.Response cancelled = seller.api().create("/api/v1/flash-sales/" + sale + "/cancellation", null);
        assertThat(cancelled.status()).as("cancel: %s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        Api.Response again = seller.api().create("/api/v1/flash-sales/" + sale + "/cancellation", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already cancelled");
        for (JsonNode listed : market.anonymous().get("/api/v1/flash-sales").json()) {
            assertThat(listed.get("id").asLong()).as("buyers no longer see it").isNotEqualTo(sale);
        }

        // At the time it would have started: no attempt wins, ordinary checkout sells at the list price, and the
        // window is free for another sale.
        market.clock().advance(Duration.ofMinutes(90));
        Api.Response attempt = market.attempt(buyer, sale, 1);
        assertThat(attempt.status()).isEqualTo(409);
        Api.Response ordinary = market.checkout(buyer, sku, 1);
        assertThat(ordinary.status()).as("checkout: %s", ordinary).isEqualTo(201);
        assertThat(ordinary.json().get("orders").get(0).get("totalMinor").asLong()).isEqualTo(LIST_PRICE);
        long next = market.liveSale(seller, sku, SALE_PRICE, 2, 1);
        Api.Response running = market.operator().in("zh-CN").create("/api/v1/flash-sales/" + next + "/cancellation", null);
        assertThat(running.status()).as("a running sale stays").isEqualTo(409);
        assertThat(running.json().get("detail").asString()).contains("已开始");
        Instant tomorrow = market.clock().instant().plus(Duration.ofDays(3));
        Api.Response upcoming = market.schedule(seller.api(), sku, SALE_PRICE, 2, 1, tomorrow, tomorrow.plus(Duration.ofHours(1)));
        assertThat(upcoming.status()).as("schedule: %s", upcoming).isEqualTo(201);
        Api.Response byOperator = market.operator().create("/api/v1/flash-sales/" + upcoming.id() + "/cancellation", null);
        assertThat(byOperator.status()).as("an operator cancels any sale: %s", byOperator).isEqualTo(200);
    }

    @Test
    void aSkuOnARunningSaleIsNotSoldThroughOrdinaryCheckoutInEitherLanguage() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.sku(seller, LIST_PRICE, 10);
        long sale = market.liveSale(seller, sku, SALE_PRICE, 5, 1);
        Api buyer = market.buyer(100_000);
        Api.Response checkout = market.checkout(buyer, sku, 1);
        assertThat(checkout.status()).isEqualTo(409);
        assertThat(checkout.json().get("detail").asString()).contains("flash sale").contains(String.valueOf(sale));
        Api.Response zh = market.checkout(buyer.in("zh-CN"), sku, 1);
        assertThat(zh.json().get("detail").asString()).contains("正在秒杀");
        assertThat(market.sale(sale).get("remaining").asLong()).isEqualTo(5);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameClaim() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.sku(seller, LIST_PRICE, 10);
        long sale = market.liveSale(seller, sku, SALE_PRICE, 5, 3);
        Api buyer = market.buyer(100_000);
        Map<String, Object> body = Map.of("quantity", 1, "address", MarketFixture.ADDRESS);
        Api.Response first = buyer.post("/api/v1/flash-sales/" + sale + "/attempts", body, "attempt-1");
        Api.Response again = buyer.post("/api/v1/flash-sales/" + sale + "/attempts", body, "attempt-1");
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(market.sale(sale).get("sold").asLong()).isEqualTo(1);
    }

    @Test
    void schedulingIsForTheSkusSellerOrAnOperatorWithinPriceStockAndWindow() {
        Seller seller = market.seller("TAOBAO");
        Seller other = market.seller("TAOBAO");
        long sku = market.sku(seller, LIST_PRICE, 10);
        Instant now = market.clock().instant();
        Instant end = now.plus(Duration.ofHours(2));
        Api buyer = market.buyer(0);

        assertThat(market.schedule(buyer, sku, SALE_PRICE, 5, 1, now, end).status()).isEqualTo(403);
        assertThat(market.schedule(other.api(), sku, SALE_PRICE, 5, 1, now, end).status()).isEqualTo(403);
        Api.Response dear = market.schedule(seller.api(), sku, LIST_PRICE, 5, 1, now, end);
        assertThat(dear.status()).isEqualTo(400);
        assertThat(dear.body()).contains("priceMinor");
        Api.Response tooMany = market.schedule(seller.api(), sku, SALE_PRICE, 11, 1, now, end);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().get("detail").asString()).contains("10 units available");
        Api.Response backwards = market.schedule(seller.api(), sku, SALE_PRICE, 5, 1, end, now);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("endsAt");
        Api.Response limit = market.schedule(seller.api(), sku, SALE_PRICE, 5, 6, now, end);
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.body()).contains("perBuyerLimit");

        Api.Response later = market.schedule(market.operator(), sku, SALE_PRICE, 5, 1, now.plus(Duration.ofHours(1)), end);
        assertThat(later.status()).as("operator: %s", later).isEqualTo(201);
        assertThat(later.json().get("status").asString()).isEqualTo("UPCOMING");
        assertThat(market.schedule(seller.api(), sku, SALE_PRICE, 5, 1, now, end).status()).as("overlap").isEqualTo(409);
        Api.Response early = market.attempt(market.buyer(10_000), later.id(), 1);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("not started");
        assertThat(market.anonymous().create("/api/v1/flash-sales/" + later.id() + "/attempts",
                Map.of("quantity", 1, "address", MarketFixture.ADDRESS)).status()).isEqualTo(401);
        assertThat(market.anonymous().get("/api/v1/flash-sales").json().findValuesAsString("name"))
                .contains("Flash " + sku);
        assertThat(seller.api().get("/api/v1/flash-sales/" + later.id() + "/tally").status()).isEqualTo(200);
        assertThat(other.api().get("/api/v1/flash-sales/" + later.id() + "/tally").status()).isEqualTo(403);
    }

    /**
     * Places the orders of the sale's won claims and waits until none is left waiting: the worker that a commit wakes
     * may be placing some of them at the same moment (their rows are skipped while it holds them).
     */
    private void allOrdered(long sale) {
        market.sales().placeOrders();
        eventually("every won claim has its order", () -> {
            market.sales().placeOrders();
            return market.tally(sale).get("won").asLong() == 0;
        });
    }
}
