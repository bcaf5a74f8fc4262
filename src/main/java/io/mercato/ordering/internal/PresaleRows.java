package io.mercato.ordering.internal;

import io.mercato.merchant.StoreKind;
import io.mercato.ordering.Address;
import io.mercato.ordering.Presale;
import io.mercato.ordering.Presale.Status;
import io.mercato.platform.Money;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import io.mercato.pricing.Presales.UnpaidRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The only reader and writer of {@code ordering.presales}. */
@Repository
class PresaleRows {

    private static final String SELECT = """
            SELECT id, offer_id, festival_id, buyer_id, store_id, seller_id, sku_id, product_id, title, quantity, currency,
                   deposit_minor, worth_minor, unpaid_rule, final_from, final_until, status, order_id, deposit_paid_at,
                   final_paid_at, closed_at, store_kind, reservation_id, address
            FROM ordering.presales""";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    PresaleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An id no order has or will have, to hold a presale's stock under. */
    long newReservationId() {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('ordering.orders', 'id'))").query(Long.class).single();
    }

    /** Serialises one buyer's deposits on one offer, so that two at once cannot both pass the per-buyer limit. */
    void lockBuyerOffer(long buyerId, long offerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('ordering.presale:' || ?, ?))")
                .params(offerId, buyerId).query((rs, n) -> 1).single();
    }

    long countOf(long buyerId, long offerId) {
        return jdbc.sql("SELECT count(*) FROM ordering.presales WHERE buyer_id = ? AND offer_id = ?")
                .params(buyerId, offerId).query(Long.class).single();
    }

    long insert(long offerId, long festivalId, long buyerId, long storeId, StoreKind storeKind, long sellerId,
            long skuId, long productId, String title, Money deposit, Money worth, UnpaidRule rule, Instant finalFrom,
            Instant finalUntil, long reservationId, Address address, Instant now) {
        return jdbc.sql("""
                INSERT INTO ordering.presales (offer_id, festival_id, buyer_id, store_id, store_kind, seller_id, sku_id,
                  product_id, title, quantity, currency, deposit_minor, worth_minor, unpaid_rule, final_from, final_until,
                  reservation_id, address, status, deposit_paid_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), 'DEPOSIT_PAID', ?) RETURNING id""")
                .params(offerId, festivalId, buyerId, storeId, storeKind.name(), sellerId, skuId, productId, title,
                        deposit.currencyCode(), deposit.minor(), worth.minor(), rule.name(), Timestamp.from(finalFrom),
                        Timestamp.from(finalUntil), reservationId, json.writeValueAsString(address), Timestamp.from(now))
                .query(Long.class).single();
    }

    Row get(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("ordering.presaleDoesNotExist", id)));
    }

    Row lock(long id) {
        return jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE").param(id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("ordering.presaleDoesNotExist", id)));
    }

    List<Presale> list(@Nullable Long buyerId, @Nullable Long sellerId, @Nullable Long storeId, int limit) {
        return jdbc.sql(SELECT + "\n" + """
                 WHERE (CAST(:buyer AS BIGINT) IS NULL OR buyer_id = :buyer)
                   AND (CAST(:seller AS BIGINT) IS NULL OR seller_id = :seller)
                   AND (CAST(:store AS BIGINT) IS NULL OR store_id = :store)
                 ORDER BY id DESC LIMIT :limit""")
                .param("buyer", buyerId, Types.BIGINT).param("seller", sellerId, Types.BIGINT)
                .param("store", storeId, Types.BIGINT).param("limit", limit)
                .query(this::row).list().stream().map(Row::presale).toList();
    }

    /** Presales whose final window closed unpaid, skipping those another instance is working on. */
    List<Long> unpaidPast(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM ordering.presales WHERE status = 'DEPOSIT_PAID' AND final_until <= ?
                ORDER BY final_until, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), limit).query(Long.class).list();
    }

    void finalPaid(long id, long orderId, Instant now) {
        jdbc.sql("UPDATE ordering.presales SET status = 'FINAL_PAID', order_id = ?, final_paid_at = ? WHERE id = ?")
                .params(orderId, Timestamp.from(now), id).update();
    }

    void closed(long id, Status status, Instant now) {
        jdbc.sql("UPDATE ordering.presales SET status = ?, closed_at = ? WHERE id = ?")
                .params(status.name(), Timestamp.from(now), id).update();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString(11).strip());
        Presale presale = new Presale(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getLong(10),
                new Money(rs.getLong(12), currency), new Money(rs.getLong(13), currency),
                UnpaidRule.valueOf(rs.getString(14)), instant(rs, 15), instant(rs, 16), Status.valueOf(rs.getString(17)),
                (Long) rs.getObject(18), instant(rs, 19), nullable(rs, 20), nullable(rs, 21));
        return new Row(presale, StoreKind.valueOf(rs.getString(22)), rs.getLong(23),
                json.readValue(rs.getString(24), Address.class));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullable(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    record Row(Presale presale, StoreKind storeKind, long reservationId, Address address) {
    }
}
