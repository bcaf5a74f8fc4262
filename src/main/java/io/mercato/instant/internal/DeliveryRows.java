package io.mercato.instant.internal;

import io.mercato.instant.DeliveryStatus;
import io.mercato.instant.Position;
import io.mercato.instant.DispatchRound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only reader and writer of {@code instant.deliveries}, {@code instant.declines} and {@code instant.dispatch_rounds}. */
@Component
class DeliveryRows {

    /** One stored delivery, money in minor units of {@code currency}. */
    record Row(long id, long orderId, long buyerAccountId, long storeId, Position pickup, Position drop,
            DeliveryStatus status, @Nullable Long riderId, @Nullable Integer routeSeq, Instant readyAt,
            Instant promisedAt, int quotedMinutes, Instant eta, String proofCode, Instant createdAt,
            @Nullable Instant acceptedAt, @Nullable Instant pickedUpAt, @Nullable Instant deliveredAt, String currency,
            long deliveryFeeMinor, long commissionMinor, long riderPayMinor, long subsidyMinor) {
    }

    /** A new delivery as requested. */
    record NewDelivery(long orderId, long buyerAccountId, long storeId, Position pickup, Position drop, Instant readyAt,
            Instant promisedAt, int quotedMinutes, String proofCode, String currency, long deliveryFeeMinor,
            long commissionMinor, long riderPayMinor, long subsidyMinor) {
    }

    private static final String COLUMNS = """
            id, order_id, buyer_account_id, store_id, pickup_lat, pickup_lng, drop_lat, drop_lng, status, rider_id,
            route_seq, ready_at, promised_at, quoted_minutes, eta, proof_code, created_at, accepted_at, picked_up_at,
            delivered_at, currency, delivery_fee_minor, commission_minor, rider_pay_minor, subsidy_minor""";

    private final JdbcClient jdbc;

    DeliveryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new row, or empty when the order already has a delivery */
    Optional<Row> insert(NewDelivery d, Instant now) {
        return jdbc.sql("""
                INSERT INTO instant.deliveries (order_id, buyer_account_id, store_id, pickup_lat, pickup_lng, drop_lat,
                    drop_lng, status, ready_at, promised_at, quoted_minutes, eta, proof_code, created_at, currency,
                    delivery_fee_minor, commission_minor, rider_pay_minor, subsidy_minor)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO NOTHING RETURNING\s""" + COLUMNS)
                .params(d.orderId(), d.buyerAccountId(), d.storeId(), d.pickup().lat(), d.pickup().lng(), d.drop().lat(),
                        d.drop().lng(), Timestamp.from(d.readyAt()), Timestamp.from(d.promisedAt()), d.quotedMinutes(),
                        Timestamp.from(d.promisedAt()), d.proofCode(), Timestamp.from(now), d.currency(),
                        d.deliveryFeeMinor(), d.commissionMinor(), d.riderPayMinor(), d.subsidyMinor())
                .query(DeliveryRows::row).optional();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instant.deliveries WHERE id = ?").param(id).query(DeliveryRows::row).optional();
    }

    Optional<Row> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instant.deliveries WHERE id = ? FOR UPDATE").param(id)
                .query(DeliveryRows::row).optional();
    }

    Optional<Row> byOrder(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instant.deliveries WHERE order_id = ?").param(orderId)
                .query(DeliveryRows::row).optional();
    }

    /** Every delivery not yet delivered, oldest first. */
    List<Row> open() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instant.deliveries WHERE status NOT IN ('DELIVERED', 'CANCELLED') ORDER BY id")
                .query(DeliveryRows::row).list();
    }

    /** The rider's open tasks, in route order. */
    List<Row> ofRider(long riderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instant.deliveries WHERE rider_id = ? AND status NOT IN ('DELIVERED', 'CANCELLED') "
                + "ORDER BY route_seq NULLS LAST, id").param(riderId).query(DeliveryRows::row).list();
    }

    int heldBy(long riderId) {
        return jdbc.sql("SELECT count(*) FROM instant.deliveries WHERE rider_id = ? AND status IN ('ACCEPTED', 'PICKED_UP')")
                .param(riderId).query(Integer.class).single();
    }

    List<Row> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instant.deliveries ORDER BY id DESC LIMIT ?").param(limit)
                .query(DeliveryRows::row).list();
    }

    /** Delivered since {@code from}, and of those how many after their promise. */
    long[] deliveredSince(Instant from) {
        return jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE delivered_at > promised_at) FROM instant.deliveries
                WHERE status = 'DELIVERED' AND delivered_at >= ?""").param(Timestamp.from(from))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    void accept(long id, long riderId, Instant now) {
        jdbc.sql("UPDATE instant.deliveries SET status = 'ACCEPTED', rider_id = ?, accepted_at = ?, "
                + "assigned_at = coalesce(assigned_at, ?) WHERE id = ?")
                .params(riderId, Timestamp.from(now), Timestamp.from(now), id).update();
    }

    void decline(long id, long riderId, Instant now) {
        jdbc.sql("UPDATE instant.deliveries SET status = 'PENDING', rider_id = NULL, route_seq = NULL WHERE id = ?")
                .param(id).update();
        jdbc.sql("INSERT INTO instant.declines (delivery_id, rider_id, declined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(id, riderId, Timestamp.from(now)).update();
    }

    void pickUp(long id, Instant now) {
        jdbc.sql("UPDATE instant.deliveries SET status = 'PICKED_UP', picked_up_at = ? WHERE id = ?")
                .params(Timestamp.from(now), id).update();
    }

    void deliver(long id, Instant now) {
        jdbc.sql("UPDATE instant.deliveries SET status = 'DELIVERED', delivered_at = ?, eta = ?, route_seq = NULL WHERE id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), id).update();
    }

    /** Cancels a delivery no rider has picked up yet; false when it was picked up, delivered or cancelled before. */
    boolean cancel(long id, Instant now) {
        return jdbc.sql("UPDATE instant.deliveries SET status = 'CANCELLED', cancelled_at = ?, route_seq = NULL "
                + "WHERE id = ? AND status IN ('PENDING', 'ASSIGNED', 'ACCEPTED')").params(Timestamp.from(now), id)
                .update() == 1;
    }

    /** Declines per delivery among the given ones: delivery id → riders who declined it. */
    Map<Long, Set<Long>> declines(Collection<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT delivery_id, rider_id FROM instant.declines WHERE delivery_id IN (:ids)")
                .param("ids", deliveryIds)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list().stream()
                .collect(Collectors.groupingBy(p -> p[0], Collectors.mapping(p -> p[1], Collectors.toSet())));
    }

    /** Offers a movable delivery to a rider (or moves it); a delivery accepted meanwhile is left alone. */
    void offer(long id, long riderId, int routeSeq, Instant eta, Instant now) {
        jdbc.sql("""
                UPDATE instant.deliveries SET status = 'ASSIGNED', rider_id = ?, route_seq = ?, eta = ?,
                    assigned_at = CASE WHEN rider_id IS DISTINCT FROM ? THEN ? ELSE assigned_at END
                WHERE id = ? AND status IN ('PENDING', 'ASSIGNED')""")
                .params(riderId, routeSeq, Timestamp.from(eta), riderId, Timestamp.from(now), id).update();
    }

    /** Updates the route place and ETA of a delivery the rider holds. */
    void reroute(long id, long riderId, int routeSeq, Instant eta) {
        jdbc.sql("UPDATE instant.deliveries SET route_seq = ?, eta = ? WHERE id = ? AND rider_id = ? "
                + "AND status IN ('ACCEPTED', 'PICKED_UP')").params(routeSeq, Timestamp.from(eta), id, riderId).update();
    }

    /** Takes a movable delivery back from whoever it was offered to. */
    void unassign(long id, Instant eta) {
        jdbc.sql("UPDATE instant.deliveries SET status = 'PENDING', rider_id = NULL, route_seq = NULL, eta = ? "
                + "WHERE id = ? AND status IN ('PENDING', 'ASSIGNED')").params(Timestamp.from(eta), id).update();
    }

    void recordRound(DispatchRound round) {
        jdbc.sql("""
                INSERT INTO instant.dispatch_rounds (ran_at, step, jobs, riders, assigned, millis, distance_m, late)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(round.ranAt()), round.step(), round.jobs(), round.riders(), round.assigned(),
                        (int) Math.min(Integer.MAX_VALUE, round.millis()), round.distanceMetres(), round.late())
                .update();
    }

    List<DispatchRound> rounds(int limit) {
        return jdbc.sql("SELECT ran_at, step, jobs, riders, assigned, millis, distance_m, late FROM instant.dispatch_rounds "
                        + "ORDER BY id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new DispatchRound(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getInt(8))).list();
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                new Position(rs.getDouble(5), rs.getDouble(6)), new Position(rs.getDouble(7), rs.getDouble(8)),
                DeliveryStatus.valueOf(rs.getString(9)), rs.getObject(10, Long.class), rs.getObject(11, Integer.class),
                rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant(), rs.getInt(14),
                rs.getTimestamp(15).toInstant(), rs.getString(16), rs.getTimestamp(17).toInstant(), instant(rs, 18),
                instant(rs, 19), instant(rs, 20), rs.getString(21), rs.getLong(22), rs.getLong(23), rs.getLong(24),
                rs.getLong(25));
    }
}
