package io.mercato.membership.internal;

import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import io.mercato.pricing.Funder;
import io.mercato.pricing.Vouchers;
import io.mercato.pricing.Vouchers.Claim;
import io.mercato.pricing.Vouchers.NewPool;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members' exclusive coupons: each month (in the marketplace's time zone) a set of {@link #TIERS} coupons, one
 * grant-only, members-only platform pool per tier, created through pricing's {@link Vouchers} the first time a member
 * needs it, and one coupon of each granted to every member — on joining, and by the timer to every member who has no
 * set yet this month. Granting is idempotent twice over: by the key {@code 88vip:<month>:<buyer>} in each pool in
 * pricing and by {@code membership.monthly_grants} here.
 */
@Component
class MemberCoupons {

    private static final Logger log = LoggerFactory.getLogger(MemberCoupons.class);

    /** A month's set, each valid for the month it is granted in: RMB 5 off 49, 20 off 199, 50 off 499. */
    static final List<Tier> TIERS = List.of(new Tier(500, 4_900), new Tier(2_000, 19_900), new Tier(5_000, 49_900));

    record Tier(long amountOffMinor, long thresholdMinor) {
    }

    /** The pool's limit: far above any month's members, so a member is never refused for want of coupons. */
    static final long POOL_LIMIT = 100_000_000;

    private final JdbcClient jdbc;
    private final ObjectProvider<Vouchers> vouchers;
    private final TransactionTemplate transactions;
    private final ZoneId zone;

    MemberCoupons(JdbcClient jdbc, ObjectProvider<Vouchers> vouchers, TransactionTemplate transactions,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.vouchers = vouchers;
        this.transactions = transactions;
        this.zone = ZoneId.of(zone);
    }

    YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(zone));
    }

    /** Grants the buyer this month's set of coupons unless granted already; in the caller's transaction. */
    void grantThisMonth(long buyerAccountId, Instant now) {
        Vouchers pricing = vouchers.getIfAvailable();
        if (pricing == null) {
            return;
        }
        YearMonth month = month(now);
        boolean granted = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM membership.monthly_grants WHERE month = ? AND buyer_account_id = ?)""")
                .params(month.toString(), buyerAccountId).query(Boolean.class).single();
        if (granted) {
            return;
        }
        Claim claim = null;
        for (int tier = 0; tier < TIERS.size(); tier++) {
            Claim one = pricing.grant(pool(pricing, month, tier, now), buyerAccountId,
                    "88vip:" + month + ":" + buyerAccountId);
            claim = claim == null ? one : claim;
        }
        jdbc.sql("""
                INSERT INTO membership.monthly_grants (month, buyer_account_id, claim_id, granted_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (month, buyer_account_id) DO NOTHING""")
                .params(month.toString(), buyerAccountId, claim.claimId(), Timestamp.from(now)).update();
    }

    /** Grants this month's set to every member who has none yet, one member per transaction. */
    int grantDue(Instant now) {
        if (vouchers.getIfAvailable() == null) {
            return 0;
        }
        YearMonth month = month(now);
        List<Long> due = jdbc.sql("""
                SELECT DISTINCT t.buyer_account_id FROM membership.terms t
                WHERE t.starts_at <= ? AND t.ends_at > ?
                  AND NOT EXISTS (SELECT 1 FROM membership.monthly_grants g
                                  WHERE g.month = ? AND g.buyer_account_id = t.buyer_account_id)
                ORDER BY t.buyer_account_id""")
                .params(Timestamp.from(now), Timestamp.from(now), month.toString()).query(Long.class).list();
        int granted = 0;
        for (long buyer : due) {
            try {
                transactions.executeWithoutResult(status -> grantThisMonth(buyer, now));
                granted++;
            } catch (RuntimeException e) {
                log.warn("Could not grant buyer {} the 88VIP coupon of {}", buyer, month, e);
            }
        }
        return granted;
    }

    /** The buyer's members' coupons (of every month's pool), newest first, with whether each is usable. */
    List<Claim> coupons(Actor buyer) {
        Vouchers pricing = vouchers.getIfAvailable();
        if (pricing == null) {
            return List.of();
        }
        java.util.Set<Long> pools = new java.util.HashSet<>(jdbc.sql("SELECT pool_id FROM membership.monthly_pools")
                .query(Long.class).list());
        return pricing.wallet(buyer).stream().filter(claim -> pools.contains(claim.poolId())).toList();
    }

    /** The first claim of the set granted to the buyer this month, if any. */
    Optional<Long> claimOf(long buyerAccountId, YearMonth month) {
        return jdbc.sql("SELECT claim_id FROM membership.monthly_grants WHERE month = ? AND buyer_account_id = ?")
                .params(month.toString(), buyerAccountId).query(Long.class).optional();
    }

    /** The month's pool of one tier, created once: concurrent first grants of a month queue on a lock of the month. */
    private long pool(Vouchers pricing, YearMonth month, int tier, Instant now) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('membership.monthly_pools'), hashtext(?))")
                .param(month.toString()).query(Object.class).list();
        Optional<Long> existing = jdbc.sql("SELECT pool_id FROM membership.monthly_pools WHERE month = ? AND tier = ?")
                .params(month.toString(), tier).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant until = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Tier terms = TIERS.get(tier);
        long poolId = pricing.createPool(Actor.SYSTEM, new NewPool("88VIP " + month, Funder.PLATFORM, null, null,
                Money.of(terms.amountOffMinor(), "CNY"), Money.of(terms.thresholdMinor(), "CNY"), POOL_LIMIT, 1, from,
                until, from, until, true, true)).poolId();
        jdbc.sql("INSERT INTO membership.monthly_pools (month, tier, pool_id, created_at) VALUES (?, ?, ?, ?)")
                .params(month.toString(), tier, poolId, Timestamp.from(now)).update();
        return poolId;
    }
}
