package io.mercato.billing.internal;

import io.mercato.billing.FeeCharge;
import io.mercato.billing.FeeRule;
import io.mercato.billing.FeeRuleKind;
import io.mercato.billing.Membership;
import io.mercato.billing.RebateProgramme;
import io.mercato.merchant.StoreKind;
import io.mercato.platform.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only reader and writer of billing's tables. */
@Component
class FeeRuleStore {

    private final JdbcClient jdbc;

    FeeRuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- fee rules

    private static final String RULE_COLUMNS = """
            id, kind, store_kind, category_id, store_id, rate_bp, amount_minor, currency, effective_from, note,
            created_by, created_at""";

    List<FeeRule> rules() {
        return jdbc.sql("SELECT " + RULE_COLUMNS + " FROM billing.fee_rules ORDER BY effective_from DESC, id DESC")
                .query(FeeRuleStore::rule).list();
    }

    List<FeeRule> rules(FeeRuleKind kind) {
        return jdbc.sql("SELECT " + RULE_COLUMNS + " FROM billing.fee_rules WHERE kind = ? ORDER BY effective_from, id")
                .param(kind.name()).query(FeeRuleStore::rule).list();
    }

    FeeRule insert(FeeRuleKind kind, @Nullable StoreKind storeKind, @Nullable Long categoryId, @Nullable Long storeId,
            @Nullable Integer rate, @Nullable Long amountMinor, @Nullable String currency, Instant effectiveFrom,
            String note, String createdBy, Instant now) {
        return jdbc.sql("""
                INSERT INTO billing.fee_rules (kind, store_kind, category_id, store_id, rate_bp, amount_minor, currency,
                    effective_from, note, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING\s""" + RULE_COLUMNS)
                .params(kind.name(), storeKind == null ? null : storeKind.name(), categoryId, storeId, rate, amountMinor,
                        currency, Timestamp.from(effectiveFrom), note, createdBy, Timestamp.from(now))
                .query(FeeRuleStore::rule).single();
    }

    private static FeeRule rule(ResultSet rs, int n) throws SQLException {
        String storeKind = rs.getString(3);
        String currency = rs.getString(8);
        return new FeeRule(rs.getLong(1), FeeRuleKind.valueOf(rs.getString(2)),
                storeKind == null ? null : StoreKind.valueOf(storeKind), rs.getObject(4, Long.class),
                rs.getObject(5, Long.class), rs.getObject(6, Integer.class), rs.getObject(7, Long.class),
                currency == null ? null : currency.strip(), rs.getTimestamp(9).toInstant(), rs.getString(10),
                rs.getString(11), rs.getTimestamp(12).toInstant());
    }

    /**
     * The version of a rule kind in force at {@code at} for the store that is most specific to it: a rule naming
     * the store beats one naming its kind, which beats one for every store; among versions of the same scope the
     * latest effective one wins. Commissions are looked up per category.
     */
    static Optional<FeeRule> inForce(List<FeeRule> rules, Instant at, long storeId, StoreKind storeKind,
            @Nullable Long categoryId) {
        return rules.stream()
                .filter(rule -> !rule.effectiveFrom().isAfter(at))
                .filter(rule -> rule.storeId() == null || rule.storeId() == storeId)
                .filter(rule -> rule.storeKind() == null || rule.storeKind() == storeKind)
                .filter(rule -> categoryId == null ? rule.categoryId() == null : categoryId.equals(rule.categoryId()))
                .max(Comparator.comparingInt(FeeRuleStore::specificity)
                        .thenComparing(FeeRule::effectiveFrom).thenComparingLong(FeeRule::id));
    }

    static int specificity(FeeRule rule) {
        return rule.storeId() != null ? 2 : rule.storeKind() != null ? 1 : 0;
    }

    // ---- rebates

    private static final String REBATE_COLUMNS = """
            id, name, store_kind, rebate_bp, days, gmv_cap_minor, currency, effective_from, end_at, created_by, created_at""";

    List<RebateProgramme> rebates() {
        return jdbc.sql("SELECT " + REBATE_COLUMNS + " FROM billing.rebate_programmes ORDER BY id DESC")
                .query(FeeRuleStore::rebate).list();
    }

    RebateProgramme insertRebate(String name, @Nullable StoreKind storeKind, int rebateBp, @Nullable Integer days,
            @Nullable Long cap, String currency, Instant effectiveFrom, @Nullable Instant endAt, String createdBy,
            Instant now) {
        return jdbc.sql("""
                INSERT INTO billing.rebate_programmes (name, store_kind, rebate_bp, days, gmv_cap_minor, currency,
                    effective_from, end_at, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING\s""" + REBATE_COLUMNS)
                .params(name, storeKind == null ? null : storeKind.name(), rebateBp, days, cap, currency,
                        Timestamp.from(effectiveFrom), endAt == null ? null : Timestamp.from(endAt), createdBy,
                        Timestamp.from(now))
                .query(FeeRuleStore::rebate).single();
    }

    private static RebateProgramme rebate(ResultSet rs, int n) throws SQLException {
        String storeKind = rs.getString(3);
        Timestamp endAt = rs.getTimestamp(9);
        return new RebateProgramme(rs.getLong(1), rs.getString(2), storeKind == null ? null : StoreKind.valueOf(storeKind),
                rs.getInt(4), rs.getObject(5, Integer.class), rs.getObject(6, Long.class), rs.getString(7).strip(),
                rs.getTimestamp(8).toInstant(), endAt == null ? null : endAt.toInstant(), rs.getString(10),
                rs.getTimestamp(11).toInstant());
    }

    /** Order value a programme has already rebated fees on for the store (its GMV cap's use). */
    long rebatedBasis(long storeId, long programmeId) {
        return jdbc.sql("""
                SELECT coalesce(sum(basis_minor), 0) FROM billing.order_charges
                WHERE store_id = ? AND rule_kind = 'REBATE' AND rule_id = ? AND entry = 'REBATE'""")
                .params(storeId, programmeId).query(Long.class).single();
    }

    /** Serialises the rebates of one store, so that two orders cannot both use the last of a GMV cap. */
    void lockStoreRebates(long storeId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('billing.rebates'), ?::int)").param((int) storeId)
                .query((rs, n) -> 1).list();
    }

    // ---- charges

    record NewCharge(String entry, String ruleKind, @Nullable Long ruleId, @Nullable Long lineId, int rateBp,
            long basisMinor, long amountMinor) {
    }

    private static final String CHARGE_COLUMNS = """
            id, order_id, refund_id, store_id, seller_id, entry, rule_kind, rule_id, line_id, rate_bp, basis_minor,
            amount_minor, currency, at""";

    List<FeeCharge> charges(long orderId) {
        return jdbc.sql("SELECT " + CHARGE_COLUMNS + " FROM billing.order_charges WHERE order_id = ? ORDER BY id")
                .param(orderId).query(FeeRuleStore::charge).list();
    }

    /**
     * The charges and rebates booked when these orders settled, and the reversals booked for these refunds: what
     * the postings of a statement's month moved through fee revenue.
     */
    List<FeeCharge> chargesOf(List<Long> settledOrders, List<Long> refunds) {
        if (settledOrders.isEmpty() && refunds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + CHARGE_COLUMNS + " FROM billing.order_charges"
                        + " WHERE (refund_id IS NULL AND order_id = ANY(?)) OR refund_id = ANY(?) ORDER BY id")
                .params(settledOrders.toArray(Long[]::new), refunds.toArray(Long[]::new))
                .query(FeeRuleStore::charge).list();
    }

    void insertCharges(long orderId, @Nullable Long refundId, long storeId, long sellerId, Currency currency,
            Instant at, List<NewCharge> charges) {
        for (NewCharge charge : charges) {
            jdbc.sql("""
                    INSERT INTO billing.order_charges (order_id, refund_id, store_id, seller_id, entry, rule_kind, rule_id,
                        line_id, rate_bp, basis_minor, amount_minor, currency, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(orderId, refundId, storeId, sellerId, charge.entry(), charge.ruleKind(), charge.ruleId(),
                            charge.lineId(), charge.rateBp(), charge.basisMinor(), charge.amountMinor(),
                            currency.getCurrencyCode(), Timestamp.from(at))
                    .update();
        }
    }

    private static FeeCharge charge(ResultSet rs, int n) throws SQLException {
        return new FeeCharge(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, Long.class), rs.getObject(9, Long.class), rs.getInt(10),
                rs.getLong(11), rs.getLong(12), rs.getString(13).strip(), rs.getTimestamp(14).toInstant());
    }

    // ---- memberships

    private static final String MEMBERSHIP_COLUMNS = """
            id, store_id, seller_id, rule_id, starts_at, ends_at, fee_minor, debt_minor, currency, billed_at""";

    Optional<Membership> latestMembership(long storeId) {
        return jdbc.sql("SELECT " + MEMBERSHIP_COLUMNS + " FROM billing.memberships WHERE store_id = ? ORDER BY starts_at DESC LIMIT 1")
                .param(storeId).query(FeeRuleStore::membership).optional();
    }

    List<Membership> memberships(@Nullable Long sellerId) {
        return jdbc.sql("SELECT " + MEMBERSHIP_COLUMNS + " FROM billing.memberships WHERE (?::bigint IS NULL OR seller_id = ?)"
                        + " ORDER BY starts_at DESC, id DESC LIMIT 500")
                .params(sellerId, sellerId).query(FeeRuleStore::membership).list();
    }

    /** Records a membership year; empty when that year of the store was billed already. */
    Optional<Long> insertMembership(long storeId, long sellerId, long ruleId, Instant startsAt, Instant endsAt,
            Money fee, Instant now) {
        return jdbc.sql("""
                INSERT INTO billing.memberships (store_id, seller_id, rule_id, starts_at, ends_at, fee_minor, debt_minor,
                    currency, billed_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (store_id, starts_at) DO NOTHING RETURNING id""")
                .params(storeId, sellerId, ruleId, Timestamp.from(startsAt), Timestamp.from(endsAt), fee.minor(),
                        fee.currencyCode(), Timestamp.from(now))
                .query(Long.class).optional();
    }

    void membershipDebt(long membershipId, long debtMinor) {
        jdbc.sql("UPDATE billing.memberships SET debt_minor = ? WHERE id = ?").params(debtMinor, membershipId).update();
    }

    private static Membership membership(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString(9).strip());
        return new Membership(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6).toInstant(), new Money(rs.getLong(7), currency), new Money(rs.getLong(8), currency),
                rs.getTimestamp(10).toInstant());
    }
}
