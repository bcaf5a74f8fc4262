package io.mercato.ordering.internal;

import io.mercato.merchant.StoreKind;
import io.mercato.ordering.Address;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.Refund;
import io.mercato.platform.Actor;
import io.mercato.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes orders, their lines, history and refunds. */
@Repository
class Orders {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OrderView get(long orderId) {
        List<OrderView> orders = load(List.of(orderId));
        if (orders.isEmpty()) {
            throw new NotFoundException("Order " + orderId + " does not exist");
        }
        return orders.getFirst();
    }

    /** Locks the order row for the rest of the transaction and returns the order as it is now. */
    OrderView lock(long orderId) {
        jdbc.sql("SELECT id FROM ordering.orders WHERE id = ? FOR UPDATE").param(orderId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("Order " + orderId + " does not exist"));
        return get(orderId);
    }

    long insertOrder(long checkoutId, long buyerId, long storeId, StoreKind kind, long sellerId, String currency,
            long totalMinor, Address address, Instant placedAt, Instant payBy) {
        return jdbc.sql("""
                INSERT INTO ordering.orders (checkout_id, buyer_id, store_id, store_kind, seller_id, status, currency,
                  total_minor, refunded_minor, address, placed_at, pay_by)
                VALUES (?, ?, ?, ?, ?, 'AWAITING_PAYMENT', ?, ?, 0, CAST(? AS jsonb), ?, ?) RETURNING id""")
                .params(checkoutId, buyerId, storeId, kind.name(), sellerId, currency, totalMinor,
                        json.writeValueAsString(address), Timestamp.from(placedAt), Timestamp.from(payBy))
                .query(Long.class).single();
    }

    void insertLine(long orderId, long skuId, long productId, String title, Map<String, String> attributes,
            long unitPriceMinor, long quantity, long categoryId, int commissionBp) {
        jdbc.sql("""
                INSERT INTO ordering.order_lines (order_id, sku_id, product_id, title, attributes, unit_price_minor,
                  quantity, refunded_quantity, pending_refund_quantity, category_id, commission_bp)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, 0, 0, ?, ?)""")
                .params(orderId, skuId, productId, title, json.writeValueAsString(attributes), unitPriceMinor, quantity,
                        categoryId, commissionBp)
                .update();
    }

    /** Changes the status and records who did it, when, and why. */
    void transition(OrderView order, OrderStatus to, Actor actor, Instant at, @Nullable String note) {
        String timestampColumn = switch (to) {
            case PAID -> "paid_at";
            case SHIPPED -> "shipped_at";
            case DELIVERED -> "delivered_at";
            case COMPLETED -> "completed_at";
            case CANCELLED, REFUNDED -> "closed_at";
            case AWAITING_PAYMENT -> "placed_at";
        };
        jdbc.sql("UPDATE ordering.orders SET status = ?, " + timestampColumn + " = ? WHERE id = ?")
                .params(to.name(), Timestamp.from(at), order.id()).update();
        record(order.id(), order.status(), to, actor, at, note);
    }

    void record(long orderId, @Nullable OrderStatus from, OrderStatus to, Actor actor, Instant at, @Nullable String note) {
        jdbc.sql("INSERT INTO ordering.order_history (order_id, from_status, to_status, actor, at, note) VALUES (?, ?, ?, ?, ?, ?)")
                .params(orderId, from == null ? null : from.name(), to.name(), actor.label(), Timestamp.from(at), note)
                .update();
    }

    /**
     * Loads orders with their lines, history and refunds in one statement: each order comes back as one JSON
     * document, so a load costs one round trip however much the order holds.
     */
    List<OrderView> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, OrderView> byId = new HashMap<>();
        jdbc.sql(LOAD).param(ids.toArray(Long[]::new)).query((RowCallbackHandler) rs -> {
            OrderView order = json.readValue(rs.getString(1), OrderView.class);
            byId.put(order.id(), order);
        });
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static String utc(String column) {
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }

    private static final String LOAD = """
            SELECT json_build_object(
              'id', o.id, 'checkoutId', o.checkout_id, 'buyerAccountId', o.buyer_id, 'storeId', o.store_id,
              'storeKind', o.store_kind, 'sellerAccountId', o.seller_id, 'status', o.status, 'currency', o.currency,
              'totalMinor', o.total_minor, 'refundedMinor', o.refunded_minor, 'feeMinor', o.fee_minor,
              'address', o.address, 'carrier', o.carrier, 'trackingNumber', o.tracking_number,
              'placedAt', %s, 'payBy', %s, 'paidAt', %s, 'shippedAt', %s, 'deliveredAt', %s, 'completedAt', %s,
              'closedAt', %s,
              'lines', COALESCE((SELECT json_agg(json_build_object('id', l.id, 'skuId', l.sku_id, 'productId', l.product_id,
                  'title', l.title, 'attributes', l.attributes, 'unitPriceMinor', l.unit_price_minor, 'quantity', l.quantity,
                  'refundedQuantity', l.refunded_quantity, 'pendingRefundQuantity', l.pending_refund_quantity,
                  'commissionBasisPoints', l.commission_bp) ORDER BY l.id)
                FROM ordering.order_lines l WHERE l.order_id = o.id), '[]'),
              'history', COALESCE((SELECT json_agg(json_build_object('from', h.from_status, 'to', h.to_status,
                  'actor', h.actor, 'at', %s, 'note', h.note) ORDER BY h.id)
                FROM ordering.order_history h WHERE h.order_id = o.id), '[]'),
              'refunds', COALESCE((SELECT json_agg(json_build_object('id', r.id, 'orderId', r.order_id, 'status', r.status,
                  'returnGoods', r.return_goods, 'amountMinor', r.amount_minor, 'reason', r.reason,
                  'requestedAt', %s, 'decideBy', %s, 'decidedAt', %s, 'decidedBy', r.decided_by,
                  'decisionNote', r.decision_note,
                  'lines', COALESCE((SELECT json_agg(json_build_object('lineId', rl.line_id, 'quantity', rl.quantity,
                      'amountMinor', rl.amount_minor) ORDER BY rl.line_id)
                    FROM ordering.refund_lines rl WHERE rl.refund_id = r.id), '[]')) ORDER BY r.id)
                FROM ordering.refunds r WHERE r.order_id = o.id), '[]'))::text
            FROM ordering.orders o WHERE o.id = ANY(?)""".formatted(utc("o.placed_at"), utc("o.pay_by"),
            utc("o.paid_at"), utc("o.shipped_at"), utc("o.delivered_at"), utc("o.completed_at"), utc("o.closed_at"),
            utc("h.at"), utc("r.requested_at"), utc("r.decide_by"), utc("r.decided_at"));

    /** A refund as its order holds it: read through {@link #load}, so refunds are mapped in one place. */
    Refund refund(long refundId) {
        return get(orderOfRefund(refundId)).refunds().stream().filter(refund -> refund.id() == refundId).findFirst()
                .orElseThrow(() -> new NotFoundException("Refund " + refundId + " does not exist"));
    }

    long orderOfRefund(long refundId) {
        return jdbc.sql("SELECT order_id FROM ordering.refunds WHERE id = ?").param(refundId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("Refund " + refundId + " does not exist"));
    }
}
