package io.mercato.membership.internal;

import io.mercato.membership.PointsEntry;
import io.mercato.membership.PointsReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only reader and writer of {@code membership.points}: one row per award, unique by buyer and source. */
@Repository
class PointsBook {

    private final JdbcClient jdbc;

    PointsBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Books the award unless the source was booked for the buyer before; the new entry, or empty. */
    Optional<PointsEntry> award(long buyerAccountId, String source, PointsReason reason, long points,
            @Nullable Long orderId, @Nullable Long moneyMinor, Instant at) {
        return jdbc.sql("""
                INSERT INTO membership.points (buyer_account_id, source, reason, points, order_id, money_minor, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (buyer_account_id, source) DO NOTHING RETURNING *""")
                .params(buyerAccountId, source, reason.name(), points, orderId, moneyMinor, Timestamp.from(at))
                .query(PointsBook::entry).optional();
    }

    long balance(long buyerAccountId) {
        return jdbc.sql("SELECT coalesce(sum(points), 0) FROM membership.points WHERE buyer_account_id = ?")
                .param(buyerAccountId).query(Long.class).single();
    }

    List<PointsEntry> history(long buyerAccountId, int limit) {
        return jdbc.sql("""
                SELECT * FROM membership.points WHERE buyer_account_id = ? AND points <> 0
                ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(buyerAccountId, limit).query(PointsBook::entry).list();
    }

    boolean has(long buyerAccountId, String source) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM membership.points WHERE buyer_account_id = ? AND source = ?)")
                .params(buyerAccountId, source).query(Boolean.class).single();
    }

    /** What an order earned and what its refunds took back so far, for the order's buyer; empty if it earned nothing. */
    Optional<OrderPoints> ofOrder(long orderId) {
        return jdbc.sql("""
                SELECT buyer_account_id,
                       sum(points) FILTER (WHERE reason = 'ORDER_PAID') AS earned,
                       coalesce(-sum(points) FILTER (WHERE reason = 'REFUND'), 0) AS reversed,
                       coalesce(sum(money_minor) FILTER (WHERE reason = 'REFUND'), 0) AS refunded
                FROM membership.points WHERE order_id = ? GROUP BY buyer_account_id""")
                .param(orderId)
                .query((rs, n) -> new OrderPoints(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .optional();
    }

    /** Locks the order's earning row, so that concurrent refunds of one order take back points one after another. */
    void lockOrder(long orderId) {
        jdbc.sql("SELECT id FROM membership.points WHERE order_id = ? AND reason = 'ORDER_PAID' FOR UPDATE")
                .param(orderId).query(Long.class).list();
    }

    /** @param refundedMinor the money the order's refunds returned so far */
    record OrderPoints(long buyerAccountId, long earned, long reversed, long refundedMinor) {
    }

    private static PointsEntry entry(ResultSet rs, int n) throws SQLException {
        return new PointsEntry(rs.getLong("id"), rs.getLong("buyer_account_id"), rs.getString("source"),
                PointsReason.valueOf(rs.getString("reason")), rs.getLong("points"),
                rs.getTimestamp("created_at").toInstant());
    }
}
