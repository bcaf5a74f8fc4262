package io.mercato.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.pricing.Vouchers;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Members' monthly coupons through pricing's real {@link Vouchers}: one on joining, one each month after, never two in
 * a month however often the timer runs; only members get them, and nobody can claim them by hand.
 */
@MercatoTest
class MemberCouponsIT {

    private static final ZoneId MARKET = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    final MembershipFixture market = new MembershipFixture();

    private List<JsonNode> memberCoupons(Api buyer) {
        List<JsonNode> coupons = new ArrayList<>();
        market.vip(buyer).get("coupons").forEach(coupons::add);
        return coupons;
    }

    @Test
    void aMemberGetsASetOfCouponsOnJoiningAndOneEachMonthAfter() {
        Api member = market.buyerWithPoints(1_000, 8_800);
        Api outsider = market.buyerWithPoints(1_000, 8_800);
        assertThat(member.create("/api/v1/membership/vip/joins", null).status()).isEqualTo(201);
        VipMembership vip = market.bean(VipMembership.class);

        List<JsonNode> first = memberCoupons(member);
        assertThat(first).as("a set of three").hasSize(3);
        assertThat(first).extracting(c -> c.get("poolId").asLong()).doesNotHaveDuplicates();
        assertThat(first).extracting(c -> c.get("amountOff").get("minor").asLong())
                .containsExactlyInAnyOrder(500L, 2_000L, 5_000L);
        JsonNode coupon = first.getFirst();
        assertThat(coupon.get("funder").asString()).isEqualTo("PLATFORM");
        assertThat(coupon.get("state").asString()).isEqualTo("USABLE");
        assertThat(coupon.get("name").asString()).contains("88VIP");
        Vouchers.Pool pool = market.bean(Vouchers.class).pool(coupon.get("poolId").asLong());
        assertThat(pool.membersOnly()).isTrue();
        assertThat(pool.grantOnly()).isTrue();
        YearMonth month = YearMonth.from(market.clock().instant().atZone(MARKET));
        assertThat(pool.name()).isEqualTo("88VIP " + month);

        vip.runDue();
        vip.runDue();
        assertThat(memberCoupons(member)).as("once per month").hasSize(3);
        assertThat(market.bean(Vouchers.class).pool(pool.poolId()).issued()).isGreaterThanOrEqualTo(1);

        Api.Response claimed = member.create("/api/v1/pricing/coupon-pools/" + pool.poolId() + "/claims", null);
        assertThat(claimed.status()).as("grant-only: no claims by hand").isEqualTo(409);
        Api.Response foreign = outsider.create("/api/v1/pricing/coupon-pools/" + pool.poolId() + "/claims", null);
        assertThat(foreign.status()).isEqualTo(409);
        assertThat(memberCoupons(outsider)).as("not a member: no coupons").isEmpty();

        Instant nextMonth = month.plusMonths(1).atDay(2).atStartOfDay(MARKET).toInstant();
        market.clock().advance(Duration.between(market.clock().instant(), nextMonth));
        vip.runDue();
        vip.runDue();
        member = market.again(member);
        outsider = market.again(outsider);

        List<JsonNode> both = memberCoupons(member);
        assertThat(both).hasSize(6);
        assertThat(both).extracting(c -> c.get("poolId").asLong()).doesNotHaveDuplicates();
        assertThat(market.bean(Vouchers.class).pool(both.getFirst().get("poolId").asLong()).name())
                .isEqualTo("88VIP " + month.plusMonths(1));
        assertThat(memberCoupons(outsider)).isEmpty();
    }

    @Test
    void grantingTheSameMonthAgainReturnsTheSameCoupon() {
        Api member = market.buyerWithPoints(0, 88_800);
        assertThat(member.create("/api/v1/membership/vip/joins", null).status()).isEqualTo(201);
        long claimId = memberCoupons(member).getFirst().get("claimId").asLong();
        long poolId = memberCoupons(member).getFirst().get("poolId").asLong();
        long buyerId = market.accountId(member);
        YearMonth month = YearMonth.from(market.clock().instant().atZone(MARKET));
        Vouchers.Claim again = market.bean(org.springframework.transaction.support.TransactionTemplate.class)
                .execute(s -> market.bean(Vouchers.class).grant(poolId, buyerId, "88vip:" + month + ":" + buyerId));
        assertThat(again.claimId()).isEqualTo(claimId);
        assertThat(memberCoupons(member)).hasSize(3);
    }
}
