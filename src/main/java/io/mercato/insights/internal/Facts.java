package io.mercato.insights.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The writer of {@code insights.facts} for events (a recompute writes them again in bulk): one row per counted event,
 * its key making a repeat count once. The table queues what a statement added for the fold ({@link RollUp}) itself.
 */
@Repository
class Facts {

    private final JdbcClient jdbc;

    Facts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the fact unless its key was counted before; answers whether it was added. */
    boolean add(String key, String kind, long orderId, LocalDate day, String segment, String currency, long buyerId,
            long amountMinor, boolean countsAnOrder) {
        return jdbc.sql("""
                INSERT INTO insights.facts (event_key, kind, order_id, day, segment, currency, buyer_id, amount_minor, orders)
                VALUES (:key, :kind, :order, :day, :segment, :currency, :buyer, :amount, :orders)
                ON CONFLICT (event_key) DO NOTHING""")
                .param("key", key).param("kind", kind).param("order", orderId).param("day", day)
                .param("segment", segment).param("currency", currency).param("buyer", buyerId)
                .param("amount", amountMinor).param("orders", countsAnOrder ? 1 : 0)
                .update() == 1;
    }

    /** The order's payment as counted: its day, segment, currency and buyer. */
    Optional<Counted> paid(long orderId) {
        return jdbc.sql("SELECT day, segment, currency, buyer_id FROM insights.facts WHERE event_key = :key")
                .param("key", "paid:" + orderId)
                .query((rs, n) -> new Counted(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3).strip(),
                        rs.getLong(4)))
                .optional();
    }

    /** The order's completion as counted, and the revenue counted for it so far (with later adjustments). */
    Optional<Revenue> revenue(long orderId) {
        return jdbc.sql("""
                SELECT c.day, c.segment, c.currency, c.buyer_id,
                       (SELECT coalesce(sum(amount_minor), 0) FROM insights.facts
                        WHERE order_id = :order AND kind = 'REVENUE')
                FROM insights.facts c WHERE c.event_key = :key""")
                .param("key", "revenue:" + orderId).param("order", orderId)
                .query((rs, n) -> new Revenue(new Counted(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getString(3).strip(), rs.getLong(4)), rs.getLong(5)))
                .optional();
    }

    record Counted(LocalDate day, String segment, String currency, long buyerId) {
    }

    record Revenue(Counted completion, long countedMinor) {
    }
}
