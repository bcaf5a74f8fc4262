package io.mercato.ordering.internal;

import io.mercato.merchant.StoreKind;
import io.mercato.ordering.Address;
import io.mercato.ordering.Order;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.Refund;
import io.mercato.ordering.Refund.RefundLine;
import io.mercato.ordering.Refund.RefundStatus;
import io.mercato.platform.Actor;
import io.mercato.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes orders, their lines, history and refunds. */
@Repository
class Orders {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Order get(long orderId) {
        List<Order> orders = load(List.of(orderId));
        if (orders.isEmpty()) {
            throw new NotFoundException("Order " + orderId + " does not exist");
        }
        return orders.getFirst();
    }

    /** Locks the order row for the rest of the transaction and returns the order as it is now. */
    Order lock(long orderId) {
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
    void transition(Order order, OrderStatus to, Actor actor, Instant at, @Nullable String note) {
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

    List<Order> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] array = ids.toArray(Long[]::new);
        Map<Long, List<Order.Line>> lines = new HashMap<>();
        jdbc.sql("""
                SELECT id, order_id, sku_id, product_id, title, attributes::text, unit_price_minor, quantity,
                       refunded_quantity, pending_refund_quantity, commission_bp
                FROM ordering.order_lines WHERE order_id = ANY(?) ORDER BY id""")
                .param(array).query((RowCallbackHandler) rs -> {
                    lines.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Order.Line(rs.getLong(1),
                            rs.getLong(3), rs.getLong(4), rs.getString(5), attributes(rs.getString(6)), rs.getLong(7),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getInt(11)));
                });
        Map<Long, List<Order.Transition>> history = new HashMap<>();
        jdbc.sql("SELECT order_id, from_status, to_status, actor, at, note FROM ordering.order_history WHERE order_id = ANY(?) ORDER BY id")
                .param(array).query((RowCallbackHandler) rs -> {
                    String from = rs.getString(2);
                    history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Order.Transition(
                            from == null ? null : OrderStatus.valueOf(from), OrderStatus.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)));
                });
        Map<Long, List<Refund>> refunds = new HashMap<>();
        refundsWhere("r.order_id = ANY(?)", array).forEach(refund ->
                refunds.computeIfAbsent(refund.orderId(), k -> new ArrayList<>()).add(refund));
        Map<Long, Order> byId = new HashMap<>();
        jdbc.sql("""
                SELECT id, checkout_id, buyer_id, store_id, store_kind, seller_id, status, currency, total_minor,
                       refunded_minor, fee_minor, address::text, carrier, tracking_number, placed_at, pay_by, paid_at,
                       shipped_at, delivered_at, completed_at, closed_at
                FROM ordering.orders WHERE id = ANY(?)""")
                .param(array).query((RowCallbackHandler) rs -> {
                    long id = rs.getLong("id");
                    byId.put(id, new Order(id, rs.getLong("checkout_id"), rs.getLong("buyer_id"), rs.getLong("store_id"),
                            StoreKind.valueOf(rs.getString("store_kind")), rs.getLong("seller_id"),
                            OrderStatus.valueOf(rs.getString("status")), rs.getString("currency"),
                            rs.getLong("total_minor"), rs.getLong("refunded_minor"), (Long) rs.getObject("fee_minor"),
                            json.readValue(rs.getString("address"), Address.class), rs.getString("carrier"),
                            rs.getString("tracking_number"), instant(rs, "placed_at"),
                            Objects.requireNonNull(instant(rs, "pay_by")), instant(rs, "paid_at"),
                            instant(rs, "shipped_at"), instant(rs, "delivered_at"), instant(rs, "completed_at"),
                            instant(rs, "closed_at"), lines.getOrDefault(id, List.of()),
                            history.getOrDefault(id, List.of()), refunds.getOrDefault(id, List.of())));
                });
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    Refund refund(long refundId) {
        List<Refund> found = refundsWhere("r.id = ?", refundId);
        if (found.isEmpty()) {
            throw new NotFoundException("Refund " + refundId + " does not exist");
        }
        return found.getFirst();
    }

    long orderOfRefund(long refundId) {
        return jdbc.sql("SELECT order_id FROM ordering.refunds WHERE id = ?").param(refundId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("Refund " + refundId + " does not exist"));
    }

    private List<Refund> refundsWhere(String where, Object param) {
        Map<Long, List<RefundLine>> lines = new HashMap<>();
        jdbc.sql("SELECT l.refund_id, l.line_id, l.quantity, l.amount_minor FROM ordering.refund_lines l "
                        + "JOIN ordering.refunds r ON r.id = l.refund_id WHERE " + where + " ORDER BY l.line_id")
                .param(param).query((RowCallbackHandler) rs -> {
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new RefundLine(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        return jdbc.sql("""
                SELECT r.id, r.order_id, r.status, r.return_goods, r.amount_minor, r.reason, r.requested_at, r.decide_by,
                       r.decided_at, r.decided_by, r.decision_note
                FROM ordering.refunds r WHERE\s""" + where + " ORDER BY r.id")
                .param(param)
                .query((rs, n) -> new Refund(rs.getLong(1), rs.getLong(2), RefundStatus.valueOf(rs.getString(3)),
                        rs.getBoolean(4), rs.getLong(5), rs.getString(6), Objects.requireNonNull(instant(rs, "requested_at")),
                        instant(rs, "decide_by"), instant(rs, "decided_at"), rs.getString(10), rs.getString(11),
                        lines.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    private Map<String, String> attributes(String stored) {
        return json.readValue(stored, new TypeReference<TreeMap<String, String>>() {
        });
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
