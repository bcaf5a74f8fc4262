package io.mercato.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Coupon pools over the real API: limits that hold under any race, and clear refusals of bad pools and claims. */
@MercatoTest
class VoucherPoolIT {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Vouchers vouchers;

    MarketFixture market;
    Api operator;

    @BeforeEach
    void setUp() {
        market = new MarketFixture(port);
        operator = market.operator();
    }

    static Map<String, Object> money(long minor) {
        return Map.of("minor", minor, "currency", "CNY");
    }

    Map<String, Object> pool(String name, long off, long threshold, long total, int perBuyer) {
        Instant now = clock.instant();
        Map<String, Object> pool = new HashMap<>();
        pool.put("name", name);
        pool.put("amountOff", money(off));
        pool.put("threshold", money(threshold));
        pool.put("totalLimit", total);
        pool.put("perBuyerLimit", perBuyer);
        pool.put("claimFrom", now.minus(Duration.ofMinutes(1)).toString());
        pool.put("claimUntil", now.plus(Duration.ofDays(3)).toString());
        pool.put("validUntil", now.plus(Duration.ofDays(7)).toString());
        return pool;
    }

    private static <R> List<R> race(int tasks, java.util.function.IntFunction<R> task) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(Math.min(tasks, 32))) {
            List<Future<R>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.apply(index);
                }));
            }
            if (tasks <= 32) {
                ready.await();
            }
            go.countDown();
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @Test
    void aPoolOfTenClaimedByEightyBuyersAtOnceIssuesExactlyTen() throws Exception {
        Api.Response created = operator.create("/api/v1/operator/pricing/vouchers", pool("Race voucher", 1_000, 10_000, 10, 1));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long poolId = created.json().get("poolId").asLong();
        List<Api> buyers = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            buyers.add(market.account("BUYER"));
        }
        List<Integer> statuses = race(buyers.size(), i -> buyers.get(i).create("/api/v1/pricing/coupon-pools/" + poolId + "/claims", null).status());

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(70);
        assertThat(jdbc.sql("SELECT count(*) FROM pricing.claims WHERE pool_id = ?").param(poolId).query(Long.class).single())
                .isEqualTo(10);
        assertThat(vouchers.pool(poolId).issued()).isEqualTo(10);
        Api.Response exhausted = market.account("BUYER").create("/api/v1/pricing/coupon-pools/" + poolId + "/claims", null);
        assertThat(exhausted.status()).isEqualTo(409);
        assertThat(exhausted.json().get("detail").asString()).contains("exhausted");
    }

    @Test
    void oneBuyerRacingTwentyClaimsGetsNoMoreThanThePerBuyerLimit() throws Exception {
        long poolId = operator.create("/api/v1/operator/pricing/vouchers", pool("Per-buyer voucher", 500, 0, 1_000, 3)).json().get("poolId").asLong();
        Api buyer = market.account("BUYER");
        List<Integer> statuses = race(20, i -> buyer.create("/api/v1/pricing/coupon-pools/" + poolId + "/claims", null).status());

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(3);
        JsonNode wallet = buyer.get("/api/v1/pricing/coupons").json();
        assertThat(wallet.size()).isEqualTo(3);
        assertThat(wallet.get(0).get("state").asString()).isEqualTo("USABLE");
        Api.Response again = buyer.create("/api/v1/pricing/coupon-pools/" + poolId + "/claims", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("the most one buyer may claim");
    }

    @Test
    void aStoreCouponIsTheStoresSellersToIssueAndShowsOnTheStore() {
        Seller seller = market.seller("TAOBAO");
        Seller other = market.seller("TAOBAO");
        Api.Response created = seller.api().create("/api/v1/pricing/stores/" + seller.storeId() + "/coupon-pools",
                pool("10 off 100", 1_000, 10_000, 100, 1));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().get("funder").asString()).isEqualTo("MERCHANT");

        Api.Response foreign = other.api().create("/api/v1/pricing/stores/" + seller.storeId() + "/coupon-pools",
                pool("Not mine", 1_000, 10_000, 100, 1));
        assertThat(foreign.status()).isEqualTo(403);
        Api.Response byBuyer = market.account("BUYER").create("/api/v1/operator/pricing/vouchers", pool("Nope", 100, 0, 1, 1));
        assertThat(byBuyer.status()).isEqualTo(403);

        JsonNode shown = market.anonymous().get("/api/v1/pricing/coupon-pools?storeId=" + seller.storeId()).json();
        assertThat(shown.size()).isEqualTo(1);
        assertThat(shown.get(0).get("name").asString()).isEqualTo("10 off 100");
    }

    @Test
    void absurdPoolsAreRefusedNamingTheFieldAndWriteNothing() {
        long before = jdbc.sql("SELECT count(*) FROM pricing.pools").query(Long.class).single();
        Map<String, Supplier<Map<String, Object>>> cases = new java.util.LinkedHashMap<>();
        cases.put("amountOff", () -> with(pool("x", -5, 0, 10, 1), "amountOff", money(-5)));
        cases.put("amountOff ", () -> with(pool("x", 2_000, 1_000, 10, 1), "amountOff", money(2_000)));
        cases.put("totalLimit", () -> with(pool("x", 100, 0, 0, 1), "totalLimit", 0));
        cases.put("perBuyerLimit", () -> with(pool("x", 100, 0, 10, 1), "perBuyerLimit", 1_000));
        cases.put("claimUntil", () -> with(pool("x", 100, 0, 10, 1), "claimUntil", clock.instant().minus(Duration.ofDays(1)).toString()));
        cases.put("name", () -> with(pool("x", 100, 0, 10, 1), "name", " "));
        cases.put("currency", () -> with(pool("x", 100, 0, 10, 1), "amountOff", Map.of("minor", 100, "currency", "XAU")));
        for (var entry : cases.entrySet()) {
            Api.Response refused = operator.create("/api/v1/operator/pricing/vouchers", entry.getValue().get());
            assertThat(refused.status()).as("%s: %s", entry.getKey(), refused).isEqualTo(400);
            assertThat(refused.body()).as(entry.getKey()).doesNotContain("Exception").doesNotContain("tools.jackson");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM pricing.pools").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aGrantWithTheSameKeyGivesTheSameCoupon() {
        long poolId = operator.create("/api/v1/operator/pricing/vouchers",
                with(pool("Members' monthly", 800, 8_000, 1_000, 5), "grantOnly", true)).json().get("poolId").asLong();
        Api buyer = market.account("BUYER");
        long buyerId = market.accountId(buyer);

        var first = vouchers.grant(poolId, buyerId, "monthly:2026-12:" + buyerId);
        var again = vouchers.grant(poolId, buyerId, "monthly:2026-12:" + buyerId);

        assertThat(again.claimId()).isEqualTo(first.claimId());
        assertThat(vouchers.pool(poolId).issued()).isEqualTo(1);
        Api.Response claimed = buyer.create("/api/v1/pricing/coupon-pools/" + poolId + "/claims", null);
        assertThat(claimed.status()).isEqualTo(409);
        assertThat(claimed.json().get("detail").asString()).contains("granted");
    }

    private static Map<String, Object> with(Map<String, Object> pool, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(pool);
        changed.put(key, value);
        return changed;
    }
}
