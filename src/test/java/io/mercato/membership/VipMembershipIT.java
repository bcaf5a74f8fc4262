package io.mercato.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.pricing.MemberStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * 88VIP over the API with the test's clock: the price by points, joining from the wallet through the ledger (once,
 * however often or concurrently asked), renewing ahead, expiry, auto-renewal at expiry, cancellation within the
 * cooling-off period with a refund, and member status as the pricing engine asks for it.
 */
@MercatoTest
class VipMembershipIT {

    private static final String JOINS = "/api/v1/membership/vip/joins";

    @RegisterExtension
    final MembershipFixture market = new MembershipFixture();

    private long buyerId(Api buyer) {
        return market.accountId(buyer);
    }

    private boolean member(Api buyer, Instant at) {
        return market.bean(MemberStatus.class).isMember(buyerId(buyer), at);
    }

    @Test
    void thePriceIs88WithAThousandPointsAnd888Below() {
        Api almost = market.buyerWithPoints(999, 0);
        Api enough = market.buyerWithPoints(1_000, 0);
        assertThat(market.vip(almost).get("priceMinor").asLong()).isEqualTo(88_800);
        assertThat(market.vip(enough).get("priceMinor").asLong()).isEqualTo(8_800);
        assertThat(market.vip(enough).get("currency").asString()).isEqualTo("CNY");
        assertThat(VipPrice.forPoints(0).minor()).isEqualTo(88_800);
        assertThat(VipPrice.forPoints(1_000_000).minor()).isEqualTo(8_800);
    }

    @Test
    void joiningChargesTheWalletIntoMembershipRevenueOnceAndStartsAYear() {
        Api buyer = market.buyerWithPoints(1_000, 10_000);
        long revenueBefore = market.membershipRevenue();
        Instant now = market.clock().instant();

        Api.Response joined = buyer.create(JOINS, null);

        assertThat(joined.status()).as("%s", joined).isEqualTo(201);
        JsonNode term = joined.json();
        assertThat(term.get("kind").asString()).isEqualTo("JOIN");
        assertThat(term.get("priceMinor").asLong()).isEqualTo(8_800);
        assertThat(Instant.parse(term.get("endsAt").asString()))
                .isEqualTo(Instant.parse(term.get("startsAt").asString()).atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
        assertThat(market.walletBalance(buyer)).isEqualTo(1_200);
        assertThat(market.membershipRevenue() - revenueBefore).isEqualTo(8_800);
        JsonNode status = market.vip(buyer);
        assertThat(status.get("member").asBoolean()).isTrue();
        assertThat(status.get("entitlements")).hasSize(4);
        assertThat(status.get("entitlements").get(0).get("code").asString()).matches("[A-Z]+(-[A-Z2-9]{4}){3}");
        assertThat(member(buyer, now.plus(Duration.ofDays(1)))).isTrue();

        Api.Response again = buyer.create(JOINS, null);
        assertThat(again.status()).as("a member joining again is answered with the current term").isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(term.get("id").asLong());
        assertThat(market.walletBalance(buyer)).as("charged once").isEqualTo(1_200);
        market.assertLedgerBalanced();
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheJoin() {
        Api buyer = market.buyerWithPoints(0, 200_000);
        String key = UUID.randomUUID().toString();
        Api.Response first = buyer.post(JOINS, null, key);
        Api.Response retry = buyer.post(JOINS, null, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(market.walletBalance(buyer)).isEqualTo(200_000 - 88_800);
    }

    @Test
    void concurrentJoinsOfOneBuyerGiveOneMembershipAndOneCharge() throws Exception {
        Api buyer = market.buyerWithPoints(0, 500_000);
        int attempts = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return buyer.post(JOINS, null);
                }));
            }
            start.countDown();
        }
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            responses.add(answer.get());
        }
        assertThat(responses).extracting(Api.Response::status).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).extracting(r -> r.json().get("id").asLong()).containsOnly(responses.getFirst().json().get("id").asLong());
        assertThat(market.walletBalance(buyer)).isEqualTo(500_000 - 88_800);
        assertThat(market.vip(buyer).get("terms")).hasSize(1);
        market.assertLedgerBalanced();
    }

    @Test
    void joiningWithTooLittleInTheWalletIsRefusedNamingTheShortfall() {
        Api buyer = market.buyerWithPoints(1_000, 7_800);
        Api.Response refused = buyer.create(JOINS, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("88.00 CNY", "78.00 CNY", "10.00 CNY more");
        assertThat(market.walletBalance(buyer)).isEqualTo(7_800);
        assertThat(market.vip(buyer).get("member").asBoolean()).isFalse();
        assertThat(market.vip(buyer).get("terms")).isEmpty();
    }

    @Test
    void renewingAheadExtendsTheTermAndTheMembershipExpiresAtItsEnd() {
        Api joining = market.buyerWithPoints(1_000, 20_000);
        JsonNode joined = joining.create(JOINS, null).json();
        Instant firstEnd = Instant.parse(joined.get("endsAt").asString());
        market.clock().advance(Duration.ofDays(300));
        Api buyer = market.again(joining);

        Api.Response renewed = buyer.create("/api/v1/membership/vip/renewals", null);
        assertThat(renewed.status()).as("%s", renewed).isEqualTo(201);
        assertThat(Instant.parse(renewed.json().get("startsAt").asString())).isEqualTo(firstEnd);
        Instant secondEnd = Instant.parse(renewed.json().get("endsAt").asString());
        assertThat(secondEnd).isEqualTo(firstEnd.atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
        assertThat(Instant.parse(market.vip(buyer).get("memberUntil").asString())).isEqualTo(secondEnd);
        assertThat(market.walletBalance(buyer)).isEqualTo(20_000 - 2 * 8_800);
        Api.Response twice = buyer.create("/api/v1/membership/vip/renewals", null);
        assertThat(twice.status()).as("one renewal ahead at a time").isEqualTo(409);

        assertThat(member(buyer, firstEnd.plusSeconds(1))).as("the renewal follows on").isTrue();
        assertThat(member(buyer, secondEnd.minusSeconds(1))).isTrue();
        assertThat(member(buyer, secondEnd)).as("expired at the end of its term").isFalse();
        market.clock().advance(Duration.between(market.clock().instant(), secondEnd.plusSeconds(60)));
        buyer = market.again(buyer);
        assertThat(market.vip(buyer).get("member").asBoolean()).isFalse();
        Api.Response late = buyer.create("/api/v1/membership/vip/renewals", null);
        assertThat(late.status()).as("nothing to renew after expiry: join again").isEqualTo(409);
        market.assertLedgerBalanced();
    }

    @Test
    void autoRenewalChargesAtExpiryAndLapsesWhenTheWalletIsShort() {
        Api renewing = market.buyerWithPoints(1_000, 2 * 8_800);
        Api short_ = market.buyerWithPoints(1_000, 8_800);
        for (Api buyer : List.of(renewing, short_)) {
            assertThat(buyer.create(JOINS, null).status()).isEqualTo(201);
            assertThat(buyer.put("/api/v1/membership/vip/auto-renew", java.util.Map.of("on", true)).status())
                    .isEqualTo(200);
        }
        Instant end = Instant.parse(market.vip(renewing).get("memberUntil").asString());
        VipMembership vip = market.bean(VipMembership.class);
        vip.runDue();
        assertThat(market.walletBalance(renewing)).as("nothing is charged before expiry").isEqualTo(8_800);

        market.clock().advance(Duration.between(market.clock().instant(), end.plus(Duration.ofMinutes(5))));
        vip.runDue();
        vip.runDue();
        renewing = market.again(renewing);
        short_ = market.again(short_);

        JsonNode status = market.vip(renewing);
        assertThat(status.get("member").asBoolean()).isTrue();
        assertThat(status.get("terms")).hasSize(2);
        assertThat(status.get("terms").get(0).get("kind").asString()).isEqualTo("AUTO_RENEWAL");
        assertThat(Instant.parse(status.get("terms").get(0).get("startsAt").asString())).as("no gap").isEqualTo(end);
        assertThat(market.walletBalance(renewing)).as("charged once").isZero();
        assertThat(market.vip(short_).get("member").asBoolean()).as("too little in the wallet: lapsed").isFalse();
        assertThat(market.walletBalance(short_)).isZero();
        market.assertLedgerBalanced();
    }

    @Test
    void cancellingWithinTheCoolingOffPeriodRefundsTheWalletAndEndsTheMembership() {
        Api buyer = market.buyerWithPoints(0, 88_800);
        long revenueBefore = market.membershipRevenue();
        long termId = buyer.create(JOINS, null).id();
        market.clock().advance(Duration.ofDays(6));
        buyer = market.again(buyer);

        Api.Response cancelled = buyer.create("/api/v1/membership/vip/terms/" + termId + "/cancellation", null);

        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().get("cancelledAt").isNull()).isFalse();
        assertThat(market.walletBalance(buyer)).isEqualTo(88_800);
        assertThat(market.membershipRevenue()).isEqualTo(revenueBefore);
        assertThat(member(buyer, market.clock().instant())).isFalse();
        assertThat(market.vip(buyer).get("member").asBoolean()).isFalse();
        Api.Response twice = buyer.create("/api/v1/membership/vip/terms/" + termId + "/cancellation", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(market.walletBalance(buyer)).as("refunded once").isEqualTo(88_800);
        market.assertLedgerBalanced();
    }

    @Test
    void cancellingAfterTheCoolingOffPeriodOrSomeoneElsesTermIsRefused() {
        Api buyer = market.buyerWithPoints(1_000, 8_800);
        Api other = market.buyerWithPoints(0, 0);
        long termId = buyer.create(JOINS, null).id();

        Api.Response foreign = other.create("/api/v1/membership/vip/terms/" + termId + "/cancellation", null);
        assertThat(foreign.status()).isEqualTo(403);
        Api.Response unknown = buyer.create("/api/v1/membership/vip/terms/999999999/cancellation", null);
        assertThat(unknown.status()).isEqualTo(404);
        Api.Response seller = market.account("SELLER").create("/api/v1/membership/vip/terms/" + termId + "/cancellation", null);
        assertThat(seller.status()).isEqualTo(403);

        market.clock().advance(Duration.ofDays(7).plusMinutes(1));
        buyer = market.again(buyer);
        Api.Response late = buyer.create("/api/v1/membership/vip/terms/" + termId + "/cancellation", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("cooling-off");
        assertThat(market.vip(buyer).get("member").asBoolean()).isTrue();
        assertThat(market.walletBalance(buyer)).isZero();
    }

    @Test
    void badInputIsANamedRefusal() {
        Api buyer = market.buyerWithPoints(0, 0);
        Api.Response noChoice = buyer.put("/api/v1/membership/vip/auto-renew", java.util.Map.of());
        assertThat(noChoice.status()).isEqualTo(400);
        assertThat(noChoice.body()).contains("on");
        assertThat(market.operator().get("/api/v1/operator/membership/figures?from=2026-13").status()).isEqualTo(400);
        assertThat(market.operator().get("/api/v1/operator/membership/figures?from=2026-12&to=2026-01").status())
                .isEqualTo(400);
        assertThat(buyer.get("/api/v1/operator/membership/figures").status()).isEqualTo(403);
        assertThat(market.anonymous().post(JOINS, null).status()).isEqualTo(401);
    }
}
