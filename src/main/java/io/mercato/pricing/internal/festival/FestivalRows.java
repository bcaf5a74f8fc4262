package io.mercato.pricing.internal.festival;

import io.mercato.platform.Money;
import io.mercato.pricing.Festivals.Enrolment;
import io.mercato.pricing.Festivals.Festival;
import io.mercato.pricing.Festivals.Kind;
import io.mercato.pricing.Festivals.Participant;
import io.mercato.pricing.Presales.Offer;
import io.mercato.pricing.Presales.UnpaidRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only reader and writer of the festival and presale tables ({@code pricing.festival*}, {@code pricing.presale_offers}). */
@Repository
class FestivalRows {

    private static final String FESTIVAL = """
            SELECT id, kind, name_en, name_zh, starts_at, ends_at, presale_from, presale_until, final_from, final_until,
                   created_at FROM pricing.festivals""";
    private static final String OFFER = """
            SELECT o.id, o.festival_id, o.sku_id, o.product_id, o.store_id, o.currency, o.deposit_minor, o.worth_minor,
                   o.per_buyer_limit, o.unpaid_rule, f.presale_from, f.presale_until, f.final_from, f.final_until,
                   o.created_at
            FROM pricing.presale_offers o JOIN pricing.festivals f ON f.id = o.festival_id""";

    private final JdbcClient jdbc;

    FestivalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Kind kind, String nameEn, String nameZh, Instant startsAt, Instant endsAt, @Nullable Instant presaleFrom,
            @Nullable Instant presaleUntil, @Nullable Instant finalFrom, @Nullable Instant finalUntil, long createdBy,
            Instant now) {
        return jdbc.sql("""
                INSERT INTO pricing.festivals (kind, name_en, name_zh, starts_at, ends_at, presale_from, presale_until,
                  final_from, final_until, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(kind.name(), nameEn, nameZh, ts(startsAt), ts(endsAt), ts(presaleFrom), ts(presaleUntil),
                        ts(finalFrom), ts(finalUntil), createdBy, ts(now))
                .query(Long.class).single();
    }

    Optional<Festival> festival(long id) {
        return jdbc.sql(FESTIVAL + " WHERE id = ?").param(id).query(FestivalRows::festival).optional();
    }

    /** Locks the festival's row so that enrolments and offers check its dates against a festival that cannot move. */
    Optional<Festival> lockFestival(long id) {
        return jdbc.sql(FESTIVAL + " WHERE id = ? FOR SHARE").param(id).query(FestivalRows::festival).optional();
    }

    List<Festival> endingAfter(Instant at) {
        return jdbc.sql(FESTIVAL + " WHERE ends_at > ? ORDER BY starts_at, id").param(ts(at))
                .query(FestivalRows::festival).list();
    }

    List<Festival> all() {
        return jdbc.sql(FESTIVAL + " ORDER BY id DESC").query(FestivalRows::festival).list();
    }

    List<Festival> ofStoreEndingAfter(long storeId, Instant at) {
        return jdbc.sql(FESTIVAL + " WHERE ends_at > ? AND id IN (SELECT festival_id FROM pricing.festival_stores WHERE store_id = ?) ORDER BY starts_at, id")
                .params(ts(at), storeId).query(FestivalRows::festival).list();
    }

    void addStore(long festivalId, long storeId, long sellerId, Instant now) {
        jdbc.sql("""
                INSERT INTO pricing.festival_stores (festival_id, store_id, seller_id, added_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""").params(festivalId, storeId, sellerId, ts(now)).update();
    }

    List<Participant> participants(long festivalId) {
        return jdbc.sql("SELECT festival_id, store_id, seller_id, added_at FROM pricing.festival_stores WHERE festival_id = ? ORDER BY added_at, store_id")
                .param(festivalId)
                .query((rs, n) -> new Participant(rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs, 4)))
                .list();
    }

    boolean participates(long festivalId, long storeId) {
        return jdbc.sql("SELECT count(*) FROM pricing.festival_stores WHERE festival_id = ? AND store_id = ?")
                .params(festivalId, storeId).query(Long.class).single() > 0;
    }

    /** Whether an operator removed the SKU from the festival. */
    boolean removedByOperator(long festivalId, long skuId) {
        return jdbc.sql("SELECT count(*) FROM pricing.festival_enrolments WHERE festival_id = ? AND sku_id = ? AND removed_at IS NOT NULL")
                .params(festivalId, skuId).query(Long.class).single() > 0;
    }

    /** Enrols the SKU unless it is enrolled already; answers whether it wrote a row. */
    boolean enrol(long festivalId, long skuId, long productId, long storeId, Instant now, String by) {
        return jdbc.sql("""
                INSERT INTO pricing.festival_enrolments (festival_id, sku_id, product_id, store_id, enrolled_at, enrolled_by)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(festivalId, skuId, productId, storeId, ts(now), by).update() > 0;
    }

    Optional<Enrolment> enrolment(long festivalId, long skuId) {
        return jdbc.sql("""
                SELECT festival_id, sku_id, product_id, store_id, enrolled_at, enrolled_by FROM pricing.festival_enrolments
                WHERE festival_id = ? AND sku_id = ? AND removed_at IS NULL""")
                .params(festivalId, skuId).query(FestivalRows::enrolment).optional();
    }

    /** The merchant's own withdrawal leaves no trace, so the SKU may be enrolled again. */
    boolean delete(long festivalId, long skuId) {
        return jdbc.sql("DELETE FROM pricing.festival_enrolments WHERE festival_id = ? AND sku_id = ? AND removed_at IS NULL")
                .params(festivalId, skuId).update() > 0;
    }

    boolean remove(long festivalId, long skuId, Instant now, String by) {
        return jdbc.sql("UPDATE pricing.festival_enrolments SET removed_at = ?, removed_by = ? WHERE festival_id = ? AND sku_id = ? AND removed_at IS NULL")
                .params(ts(now), by, festivalId, skuId).update() > 0;
    }

    List<Enrolment> enrolments(long festivalId, @Nullable Long storeId) {
        return jdbc.sql("""
                SELECT festival_id, sku_id, product_id, store_id, enrolled_at, enrolled_by FROM pricing.festival_enrolments
                WHERE festival_id = :festival AND removed_at IS NULL AND (CAST(:store AS BIGINT) IS NULL OR store_id = :store)
                ORDER BY enrolled_at, sku_id""")
                .param("festival", festivalId).param("store", storeId, java.sql.Types.BIGINT)
                .query(FestivalRows::enrolment).list();
    }

    /** The voucher pools scoped to the festival, however they were created (the pools are {@code Vouchers}'). */
    List<Long> poolIds(long festivalId) {
        return jdbc.sql("SELECT id FROM pricing.pools WHERE festival_id = ? ORDER BY id")
                .param(festivalId).query(Long.class).list();
    }

    /** Marks a change of enrolments, in the changing transaction, for every instance's scope to notice. */
    void bumpScopeVersion() {
        jdbc.sql("UPDATE pricing.festival_scope_version SET version = version + 1").update();
    }

    long scopeVersion() {
        return jdbc.sql("SELECT version FROM pricing.festival_scope_version").query(Long.class).single();
    }

    /** SKU → festivals of the current enrolments of festivals not ended at {@code at}. */
    Map<Long, Set<Long>> scope(Instant at) {
        Map<Long, Set<Long>> scope = new HashMap<>();
        jdbc.sql("""
                SELECT e.sku_id, e.festival_id FROM pricing.festival_enrolments e JOIN pricing.festivals f ON f.id = e.festival_id
                WHERE e.removed_at IS NULL AND f.ends_at > ?""").param(ts(at))
                .query(rs -> {
                    scope.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        return scope;
    }

    long insertOffer(long festivalId, long skuId, long productId, long storeId, Currency currency, long depositMinor,
            long worthMinor, int perBuyerLimit, UnpaidRule rule, String by, Instant now) {
        return jdbc.sql("""
                INSERT INTO pricing.presale_offers (festival_id, sku_id, product_id, store_id, currency, deposit_minor,
                  worth_minor, per_buyer_limit, unpaid_rule, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (festival_id, sku_id) DO NOTHING RETURNING id""")
                .params(festivalId, skuId, productId, storeId, currency.getCurrencyCode(), depositMinor, worthMinor,
                        perBuyerLimit, rule.name(), by, ts(now))
                .query(Long.class).optional().orElse(0L);
    }

    Optional<Offer> offer(long offerId) {
        return jdbc.sql(OFFER + " WHERE o.id = ?").param(offerId).query(FestivalRows::offer).optional();
    }

    List<Offer> offers(long festivalId, @Nullable Long storeId) {
        return jdbc.sql(OFFER + " WHERE o.festival_id = :festival AND (CAST(:store AS BIGINT) IS NULL OR o.store_id = :store) ORDER BY o.id")
                .param("festival", festivalId).param("store", storeId, java.sql.Types.BIGINT)
                .query(FestivalRows::offer).list();
    }

    private static Festival festival(ResultSet rs, int n) throws SQLException {
        return new Festival(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                instant(rs, 5), instant(rs, 6), nullableInstant(rs, 7), nullableInstant(rs, 8), nullableInstant(rs, 9),
                nullableInstant(rs, 10), instant(rs, 11));
    }

    private static Enrolment enrolment(ResultSet rs, int n) throws SQLException {
        return new Enrolment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), instant(rs, 5), rs.getString(6));
    }

    private static Offer offer(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString(6).strip());
        return new Offer(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                new Money(rs.getLong(7), currency), new Money(rs.getLong(8), currency), rs.getInt(9),
                UnpaidRule.valueOf(rs.getString(10)), instant(rs, 11), instant(rs, 12), instant(rs, 13),
                instant(rs, 14), instant(rs, 15));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
