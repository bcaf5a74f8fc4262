package io.mercato.pricing.internal;

import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.pricing.Funder;
import io.mercato.pricing.MemberStatus;
import io.mercato.pricing.Vouchers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pools and claims on the {@code pricing} tables. A claim is two guarded statements in one transaction — the
 * buyer's count for the pool ({@code claimed < per_buyer_limit}), then the pool's ({@code issued < total_limit}) —
 * so neither limit is ever passed however many buyers race: each statement waits for the row lock of the one before
 * it and re-checks its guard on the committed value.
 */
@Service
class DefaultVouchers implements Vouchers {

    static final long MAX_AMOUNT_MINOR = 100_000_000L;
    static final long MAX_POOL = 100_000_000L;
    static final int MAX_PER_BUYER = 100;
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    private static final String POOL_COLUMNS = """
            p.id, p.name, p.funder, p.store_id, p.festival_id, p.amount_off_minor, p.threshold_minor, p.currency,
            p.total_limit, p.per_buyer_limit, p.issued, p.used, p.claim_from, p.claim_until, p.valid_from,
            p.valid_until, p.members_only, p.grant_only""";

    private final JdbcClient jdbc;
    private final Stores stores;
    private final ObjectProvider<MemberStatus> members;
    private final PromotionVersion version;
    private final Clock clock;

    DefaultVouchers(JdbcClient jdbc, Stores stores, ObjectProvider<MemberStatus> members, PromotionVersion version,
            Clock clock) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.members = members;
        this.version = version;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Pool createPool(Actor actor, NewPool pool) {
        if (pool == null) {
            throw new InvalidInputException("pool", Text.of("pricing.namePoolSFields"));
        }
        String name = Names.require("name", pool.name());
        if (pool.funder() == null) {
            throw new InvalidInputException("funder", Text.of("pricing.sayWhoFundsCouponsMERCHANT"));
        }
        if (pool.funder() == Funder.MERCHANT) {
            actor.require(Role.SELLER, Role.OPERATOR);
            if (pool.storeId() == null) {
                throw new InvalidInputException("storeId", Text.of("pricing.storeCouponNeedsStore"));
            }
            if (pool.festivalId() != null || pool.membersOnly() || pool.grantOnly()) {
                throw new InvalidInputException("funder", Text.of("pricing.onlyPlatformVouchersMayFestival"));
            }
        } else {
            if (!actor.isSystem()) {
                actor.require(Role.OPERATOR);
            }
            if (pool.storeId() != null) {
                throw new InvalidInputException("storeId", Text.of("pricing.platformVoucherAppliesAcrossStores"));
            }
        }
        Money off = requireAmount("amountOff", pool.amountOff(), false);
        Money threshold = requireAmount("threshold", pool.threshold(), true);
        if (!off.currency().equals(threshold.currency())) {
            throw new InvalidInputException("threshold.currency", Text.of("pricing.thresholdButAmountOff", threshold.currencyCode(), off.currencyCode()));
        }
        if (threshold.isPositive() && off.minor() > threshold.minor()) {
            throw new InvalidInputException("amountOff", Text.of("pricing.amountOffMoreThresholdCoupon", off, threshold));
        }
        if (pool.storeId() != null) {
            var store = stores.requireManagedBy(actor, pool.storeId());
            if (!store.currency().equals(off.currencyCode())) {
                throw new InvalidInputException("amountOff.currency", Text.of("pricing.storeSellsNot", store.id(), store.currency(), off.currencyCode()));
            }
        }
        if (pool.totalLimit() < 1 || pool.totalLimit() > MAX_POOL) {
            throw new InvalidInputException("totalLimit", Text.of("pricing.poolIssuesCouponsGot", MAX_POOL, pool.totalLimit()));
        }
        if (pool.perBuyerLimit() < 1 || pool.perBuyerLimit() > MAX_PER_BUYER) {
            throw new InvalidInputException("perBuyerLimit", Text.of("pricing.buyerMayHoldCouponsPool", MAX_PER_BUYER, pool.perBuyerLimit()));
        }
        Windows.require("claimFrom", "claimUntil", pool.claimFrom(), pool.claimUntil(), MAX_WINDOW);
        Windows.require("validFrom", "validUntil", pool.validFrom(), pool.validUntil(), MAX_WINDOW);
        if (pool.validUntil().isBefore(pool.claimUntil())) {
            throw new InvalidInputException("validUntil", Text.of("pricing.couponsMustStayValidLeast", pool.claimUntil(), pool.validUntil()));
        }
        Instant now = now();
        if (!pool.validUntil().isAfter(now)) {
            throw new InvalidInputException("validUntil", Text.of("pricing.couponsWouldAlreadyHaveExpired", pool.validUntil()));
        }
        long id = jdbc.sql("""
                INSERT INTO pricing.pools (name, funder, store_id, festival_id, amount_off_minor, threshold_minor,
                  currency, total_limit, per_buyer_limit, claim_from, claim_until, valid_from, valid_until,
                  members_only, grant_only, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(name, pool.funder().name(), pool.storeId(), pool.festivalId(), off.minor(), threshold.minor(),
                        off.currencyCode(), pool.totalLimit(), pool.perBuyerLimit(), ts(pool.claimFrom()),
                        ts(pool.claimUntil()), ts(pool.validFrom()), ts(pool.validUntil()), pool.membersOnly(),
                        pool.grantOnly(), actor.label(), ts(now))
                .query(Long.class).single();
        version.bump();
        return pool(id);
    }

    @Override
    public Pool pool(long poolId) {
        return jdbc.sql("SELECT " + POOL_COLUMNS + " FROM pricing.pools p WHERE p.id = ?").param(poolId)
                .query((rs, n) -> pool(rs)).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("pricing.couponPoolDoesNotExist", poolId)));
    }

    @Override
    public List<Pool> claimable(@Nullable Long storeId, Instant at) {
        return jdbc.sql("SELECT " + POOL_COLUMNS + " FROM pricing.pools p WHERE "
                        + (storeId == null ? "p.store_id IS NULL" : "p.store_id = :store")
                        + " AND p.claim_from <= :at AND p.claim_until > :at AND NOT p.grant_only"
                        + " AND p.issued < p.total_limit ORDER BY p.amount_off_minor DESC, p.id LIMIT 50")
                .param("store", storeId).param("at", ts(at))
                .query((rs, n) -> pool(rs)).list();
    }

    /** Every pool of a store (a seller's) or of the platform (storeId null, an operator's), newest first. */
    List<Pool> pools(Actor actor, @Nullable Long storeId) {
        if (storeId == null) {
            actor.require(Role.OPERATOR);
        } else {
            stores.requireManagedBy(actor, storeId);
        }
        return jdbc.sql("SELECT " + POOL_COLUMNS + " FROM pricing.pools p WHERE "
                        + (storeId == null ? "p.store_id IS NULL" : "p.store_id = :store") + " ORDER BY p.id DESC LIMIT 200")
                .param("store", storeId).query((rs, n) -> pool(rs)).list();
    }

    @Override
    @Transactional
    public Claim claim(Actor buyer, long poolId) {
        buyer.require(Role.BUYER);
        Pool pool = pool(poolId);
        Instant now = now();
        if (pool.grantOnly()) {
            throw new ConflictException(Text.of("pricing.couponPoolGrantedPlatformNot", poolId));
        }
        if (now.isBefore(pool.claimFrom()) || !now.isBefore(pool.claimUntil())) {
            throw new ConflictException(Text.of("pricing.couponPoolOpenClaimsFrom", poolId, pool.claimFrom(), pool.claimUntil()));
        }
        if (pool.membersOnly() && !isMember(buyer.accountId(), now)) {
            throw new ConflictException(Text.of("pricing.couponPoolMembersOnly", poolId));
        }
        return issue(pool, buyer.accountId(), null, now);
    }

    @Override
    @Transactional
    public Claim grant(long poolId, long buyerAccountId, String grantKey) {
        if (grantKey == null || grantKey.isBlank() || grantKey.length() > 200) {
            throw new InvalidInputException("grantKey", Text.of("pricing.grantNeedsKeyCharacters"));
        }
        Optional<Long> before = jdbc.sql("SELECT id FROM pricing.claims WHERE pool_id = ? AND grant_key = ?")
                .params(poolId, grantKey).query(Long.class).optional();
        if (before.isPresent()) {
            return claimById(before.get(), now());
        }
        Pool pool = pool(poolId);
        Instant now = now();
        if (!now.isBefore(pool.validUntil())) {
            throw new ConflictException(Text.of("pricing.couponPoolExpired", poolId, pool.validUntil()));
        }
        // Two grants with the same key at once: the second waits on the unique key and then finds the first.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, ?))").params(grantKey, poolId).query().listOfRows();
        before = jdbc.sql("SELECT id FROM pricing.claims WHERE pool_id = ? AND grant_key = ?")
                .params(poolId, grantKey).query(Long.class).optional();
        if (before.isPresent()) {
            return claimById(before.get(), now);
        }
        return issue(pool, buyerAccountId, grantKey, now);
    }

    private Claim issue(Pool pool, long buyerAccountId, @Nullable String grantKey, Instant now) {
        int buyerRows = jdbc.sql("""
                INSERT INTO pricing.buyer_claims AS b (pool_id, buyer_account_id, claimed) VALUES (?, ?, 1)
                ON CONFLICT (pool_id, buyer_account_id) DO UPDATE SET claimed = b.claimed + 1
                WHERE b.claimed < ?""")
                .params(pool.poolId(), buyerAccountId, pool.perBuyerLimit()).update();
        if (buyerRows == 0) {
            throw new ConflictException(Text.of("pricing.youAlreadyHoldCouponPool", pool.perBuyerLimit(), (pool.perBuyerLimit() == 1 ? "" : "s"), pool.poolId()));
        }
        int poolRows = jdbc.sql("UPDATE pricing.pools SET issued = issued + 1 WHERE id = ? AND issued < total_limit")
                .param(pool.poolId()).update();
        if (poolRows == 0) {
            throw new ConflictException(Text.of("pricing.couponPoolExhaustedAllCoupons", pool.poolId(), pool.totalLimit()));
        }
        long claimId = jdbc.sql("""
                INSERT INTO pricing.claims (pool_id, buyer_account_id, claimed_at, grant_key) VALUES (?, ?, ?, ?)
                RETURNING id""")
                .params(pool.poolId(), buyerAccountId, ts(now), grantKey).query(Long.class).single();
        return claimById(claimId, now);
    }

    @Override
    public List<Claim> wallet(Actor buyer) {
        buyer.require(Role.BUYER);
        Instant now = now();
        return claims("c.buyer_account_id = :buyer ORDER BY c.id DESC LIMIT 200", buyer.accountId(), now);
    }

    /** The buyer's coupons usable at the instant, with their pools' festival scope. */
    List<UsableCoupon> usable(long buyerAccountId, Instant at) {
        return jdbc.sql("""
                SELECT c.id, p.id, p.name, p.funder, p.store_id, p.festival_id, p.amount_off_minor,
                  p.threshold_minor, p.currency, p.valid_until
                FROM pricing.claims c JOIN pricing.pools p ON p.id = c.pool_id
                WHERE c.buyer_account_id = ? AND c.used_at IS NULL AND p.valid_from <= ? AND p.valid_until > ?
                ORDER BY c.id""")
                .params(buyerAccountId, ts(at), ts(at))
                .query((rs, n) -> {
                    var currency = Currencies.parse(rs.getString(9).trim());
                    return new UsableCoupon(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            Funder.valueOf(rs.getString(4)), nullableLong(rs, 5), nullableLong(rs, 6),
                            new Money(rs.getLong(7), currency), new Money(rs.getLong(8), currency),
                            rs.getTimestamp(10).toInstant());
                }).list();
    }

    /** Why a named coupon may not be used, for a clear refusal; null when it is the buyer's and usable. */
    @Nullable Text whyUnusable(long buyerAccountId, long claimId, Instant at) {
        var rows = claims("c.id = :claim", claimId, at);
        if (rows.isEmpty() || rows.getFirst().buyerAccountId() != buyerAccountId) {
            return Text.of("pricing.couponNotYours", claimId);
        }
        Claim claim = rows.getFirst();
        return switch (claim.state()) {
            case USED -> Text.of("pricing.couponAlreadyUsed", claimId);
            case EXPIRED -> Text.of("pricing.couponExpired", claimId, claim.validUntil());
            case USABLE -> at.isBefore(claim.validFrom()) ? Text.of("pricing.couponNotYetValid", claimId, claim.validFrom()) : null;
        };
    }

    @Override
    @Transactional
    public void redeem(long buyerAccountId, List<Long> claimIds, long checkoutId, List<Long> orderIds) {
        Instant now = now();
        for (long claimId : claimIds.stream().sorted().distinct().toList()) {
            int rows = jdbc.sql("""
                    UPDATE pricing.claims c SET used_at = ?, checkout_id = ?
                    FROM pricing.pools p WHERE p.id = c.pool_id AND c.id = ? AND c.buyer_account_id = ?
                      AND c.used_at IS NULL AND p.valid_from <= ? AND p.valid_until > ?""")
                    .params(ts(now), checkoutId, claimId, buyerAccountId, ts(now), ts(now)).update();
            if (rows == 0) {
                Text why = whyUnusable(buyerAccountId, claimId, now);
                throw new ConflictException(why == null ? Text.of("pricing.couponNotUsableNow", claimId) : why);
            }
            jdbc.sql("UPDATE pricing.pools SET used = used + 1 WHERE id = (SELECT pool_id FROM pricing.claims WHERE id = ?)")
                    .param(claimId).update();
            for (long orderId : orderIds) {
                jdbc.sql("INSERT INTO pricing.claim_orders (claim_id, order_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(claimId, orderId).update();
            }
        }
    }

    @Override
    @Transactional
    public void release(long orderId) {
        List<Long> touched = jdbc.sql("""
                UPDATE pricing.claim_orders SET released = true WHERE order_id = ? AND NOT released RETURNING claim_id""")
                .param(orderId).query(Long.class).list();
        for (long claimId : touched.stream().sorted().toList()) {
            boolean allReleased = jdbc.sql("SELECT bool_and(released) FROM pricing.claim_orders WHERE claim_id = ?")
                    .param(claimId).query(Boolean.class).single();
            if (allReleased) {
                int rows = jdbc.sql("UPDATE pricing.claims SET used_at = NULL, checkout_id = NULL WHERE id = ? AND used_at IS NOT NULL")
                        .param(claimId).update();
                if (rows > 0) {
                    jdbc.sql("DELETE FROM pricing.claim_orders WHERE claim_id = ?").param(claimId).update();
                    jdbc.sql("UPDATE pricing.pools SET used = used - 1 WHERE id = (SELECT pool_id FROM pricing.claims WHERE id = ?)")
                            .param(claimId).update();
                }
            }
        }
    }

    /** The coupons one checkout redeemed, for the order's explanation. */
    List<Long> claimsOfOrder(long orderId) {
        return jdbc.sql("SELECT claim_id FROM pricing.claim_orders WHERE order_id = ? ORDER BY claim_id")
                .param(orderId).query(Long.class).list();
    }

    private boolean isMember(long buyerAccountId, Instant at) {
        MemberStatus status = members.getIfAvailable();
        return status != null && status.isMember(buyerAccountId, at);
    }

    private Claim claimById(long claimId, Instant now) {
        return claims("c.id = :claim", claimId, now).getFirst();
    }

    private List<Claim> claims(String where, long param, Instant now) {
        return jdbc.sql("""
                SELECT c.id, c.pool_id, c.buyer_account_id, p.name, p.funder, p.store_id, p.amount_off_minor,
                  p.threshold_minor, p.currency, c.claimed_at, p.valid_from, p.valid_until, c.used_at
                FROM pricing.claims c JOIN pricing.pools p ON p.id = c.pool_id WHERE """ + " " + where)
                .param(where.contains(":buyer") ? "buyer" : "claim", param)
                .query((rs, n) -> {
                    var currency = Currencies.parse(rs.getString(9).trim());
                    Instant validUntil = rs.getTimestamp(12).toInstant();
                    ClaimState state = rs.getTimestamp(13) != null ? ClaimState.USED
                            : !now.isBefore(validUntil) ? ClaimState.EXPIRED : ClaimState.USABLE;
                    return new Claim(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            Funder.valueOf(rs.getString(5)), nullableLong(rs, 6), new Money(rs.getLong(7), currency),
                            new Money(rs.getLong(8), currency), rs.getTimestamp(10).toInstant(),
                            rs.getTimestamp(11).toInstant(), validUntil, state);
                }).list();
    }

    static Pool pool(ResultSet rs) throws SQLException {
        var currency = Currencies.parse(rs.getString(8).trim());
        return new Pool(rs.getLong(1), rs.getString(2), Funder.valueOf(rs.getString(3)), nullableLong(rs, 4),
                nullableLong(rs, 5), new Money(rs.getLong(6), currency), new Money(rs.getLong(7), currency),
                rs.getLong(9), rs.getInt(10), rs.getLong(11), rs.getLong(12), rs.getTimestamp(13).toInstant(),
                rs.getTimestamp(14).toInstant(), rs.getTimestamp(15).toInstant(), rs.getTimestamp(16).toInstant(),
                rs.getBoolean(17), rs.getBoolean(18));
    }

    static Money requireAmount(String field, @Nullable Money amount, boolean zeroAllowed) {
        if (amount == null) {
            throw new InvalidInputException(field, Text.of("pricing.nameCurrency", field));
        }
        Currencies.parse(amount.currencyCode());
        if (amount.minor() < (zeroAllowed ? 0 : 1) || amount.minor() > MAX_AMOUNT_MINOR) {
            throw new InvalidInputException(field, Text.of("pricing.mustGot", field, (zeroAllowed ? "0" : "more than 0"), new Money(MAX_AMOUNT_MINOR, amount.currency()), amount));
        }
        return amount;
    }

    static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
