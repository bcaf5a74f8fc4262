package io.mercato.fulfillment.internal;

import io.mercato.fulfillment.EventKind;
import io.mercato.fulfillment.Logistics.Template;
import io.mercato.fulfillment.Logistics.Warehouse;
import io.mercato.fulfillment.ParcelKind;
import io.mercato.fulfillment.Shipments;
import io.mercato.merchant.StoreKind;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Parcels, their timelines, alerts, consolidation and the metrics; the only writer of the parcel tables. */
@Service
class DefaultShipments implements Shipments {

    private final JdbcClient jdbc;
    private final DefaultLogistics logistics;
    private final OrderLifecycle lifecycle;
    private final Clock clock;

    DefaultShipments(JdbcClient jdbc, DefaultLogistics logistics, OrderLifecycle lifecycle, Clock clock) {
        this.jdbc = jdbc;
        this.logistics = logistics;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Parcel pack(Actor seller, long orderId, List<PackedLine> lines) {
        seller.require(Role.SELLER);
        OrderView order = lifecycle.order(seller, orderId);
        if (order.sellerAccountId() != seller.accountId()) {
            throw new ForbiddenException(Text.of("fulfillment.orderNotOneYourStore", orderId));
        }
        // Parcels of one order are packed one at a time, so two cannot both take the last units of a line.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('fulfillment.order', ?))").param(orderId).query().singleRow();
        if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.SHIPPED) {
            throw new ConflictException(Text.of("fulfillment.orderOnlyPaidShippedOrders", orderId, order.status()));
        }
        Template template = logistics.template(order.storeId());
        if (template == null) {
            throw new ConflictException(Text.of("fulfillment.storeHasNoShippingTemplate2", order.storeId()));
        }
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInputException("lines", Text.of("fulfillment.nameLeastOneLineQuantity"));
        }
        Map<Long, Long> packed = new HashMap<>();
        jdbc.sql("""
                SELECT l.line_id, sum(l.quantity) FROM fulfillment.parcel_lines l JOIN fulfillment.parcels p ON p.id = l.parcel_id
                WHERE p.order_id = ? GROUP BY l.line_id""").param(orderId)
                .query(rs -> {
                    packed.put(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, Long> wanted = new java.util.LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            PackedLine line = lines.get(i);
            if (line == null) {
                throw new InvalidInputException("lines[" + i + "]", Text.of("fulfillment.linesEmpty", i));
            }
            OrderView.Line orderLine = order.lines().stream().filter(l -> l.id() == line.lineId()).findFirst()
                    .orElseThrow(() -> new InvalidInputException("lines[" + wantedIndex(lines, line) + "].lineId",
                            Text.of("fulfillment.orderHasNoLine", orderId, line.lineId())));
            long left = orderLine.quantity() - orderLine.refundedQuantity() - packed.getOrDefault(line.lineId(), 0L)
                    - wanted.getOrDefault(line.lineId(), 0L);
            if (line.quantity() < 1 || line.quantity() > left) {
                throw new InvalidInputException("lines[" + i + "].quantity", Text.of("fulfillment.lineHasUnitsLeftPack", line.lineId(), Math.max(left, 0), line.quantity()));
            }
            wanted.merge(line.lineId(), line.quantity(), Long::sum);
        }
        ParcelKind kind = order.storeKind() == StoreKind.GLOBAL ? ParcelKind.INBOUND : ParcelKind.DIRECT;
        Long hubId = null;
        if (kind == ParcelKind.INBOUND) {
            hubId = jdbc.sql("SELECT id FROM fulfillment.warehouses WHERE hub ORDER BY id LIMIT 1").query(Long.class).optional()
                    .orElseThrow(() -> new ConflictException(Text.of("fulfillment.noPlatformHubConsolidatesGlobal")));
        }
        var service = template.service();
        long carrierId = service.carrierId();
        long parcelId = insertParcel(kind, orderId, order.storeId(), order.sellerAccountId(), order.buyerAccountId(),
                carrierId, service.carrierCode(), service.id(), template.warehouse().id(), hubId);
        wanted.forEach((lineId, quantity) -> jdbc.sql("INSERT INTO fulfillment.parcel_lines (parcel_id, line_id, quantity) VALUES (?, ?, ?)")
                .params(parcelId, lineId, quantity).update());
        if (order.status() == OrderStatus.PAID) {
            String tracking = trackingNumber(parcelId);
            String carrierName = logistics.carrier(carrierId).name();
            lifecycle.ship(seller, orderId, carrierName.length() > 50 ? carrierName.substring(0, 50) : carrierName, tracking);
        }
        return load(parcelId);
    }

    private static int wantedIndex(List<PackedLine> lines, PackedLine line) {
        return lines.indexOf(line);
    }

    private long insertParcel(ParcelKind kind, @Nullable Long orderId, @Nullable Long storeId, @Nullable Long sellerId,
            long buyerId, long carrierId, String carrierCode, long serviceId, long warehouseId, @Nullable Long hubId) {
        long id = jdbc.sql("SELECT nextval('fulfillment.parcels_id_seq')").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO fulfillment.parcels (id, kind, order_id, store_id, seller_id, buyer_id, carrier_id, service_id,
                    warehouse_id, hub_id, tracking_number, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?)""")
                .params(id, kind.name(), orderId, storeId, sellerId, buyerId, carrierId, serviceId, warehouseId, hubId,
                        carrierCode + String.format("%010d", id), Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    private String trackingNumber(long parcelId) {
        return jdbc.sql("SELECT tracking_number FROM fulfillment.parcels WHERE id = ?").param(parcelId).query(String.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Parcel> parcelsOf(Actor actor, long orderId) {
        lifecycle.order(actor, orderId);
        List<Long> ids = jdbc.sql("""
                SELECT id FROM fulfillment.parcels WHERE order_id = ?
                UNION SELECT consolidated_into FROM fulfillment.parcels WHERE order_id = ? AND consolidated_into IS NOT NULL
                ORDER BY 1""").params(orderId, orderId).query(Long.class).list();
        return ids.stream().map(this::load).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Parcel parcel(Actor actor, long parcelId) {
        Parcel parcel = load(parcelId);
        if (actor.is(Role.OPERATOR)) {
            return parcel;
        }
        if (parcel.orderId() != null) {
            lifecycle.order(actor, parcel.orderId());
            return parcel;
        }
        boolean party = (actor.is(Role.BUYER) && parcel.buyerAccountId() == actor.accountId())
                || (actor.is(Role.SELLER) && jdbc.sql("SELECT count(*) FROM fulfillment.parcels WHERE consolidated_into = ? AND seller_id = ?")
                        .params(parcelId, actor.accountId()).query(Long.class).single() > 0);
        if (!party) {
            throw new ForbiddenException(Text.of("fulfillment.parcelNotOneYours", parcelId));
        }
        return parcel;
    }

    Parcel load(long parcelId) {
        record Row(long id, ParcelKind kind, @Nullable Long orderId, @Nullable Long storeId, long buyerId, String carrierCode,
                String carrierName, long serviceId, String serviceName, long warehouseId, @Nullable Long hubId,
                String tracking, String status, Instant createdAt, @Nullable Instant deliveredAt, @Nullable Long into) {
        }
        Row row = jdbc.sql("""
                SELECT p.id, p.kind, p.order_id, p.store_id, p.buyer_id, c.code, c.name, s.id, s.name, p.warehouse_id,
                       p.hub_id, p.tracking_number, p.status, p.created_at, p.delivered_at, p.consolidated_into
                FROM fulfillment.parcels p JOIN fulfillment.carriers c ON c.id = p.carrier_id
                JOIN fulfillment.services s ON s.id = p.service_id WHERE p.id = ?""")
                .param(parcelId)
                .query((rs, n) -> new Row(rs.getLong(1), ParcelKind.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                        rs.getString(9), rs.getLong(10), rs.getObject(11, Long.class), rs.getString(12), rs.getString(13),
                        rs.getTimestamp(14).toInstant(), instant(rs, 15), rs.getObject(16, Long.class)))
                .optional().orElseThrow(() -> new NotFoundException(Text.of("fulfillment.parcelDoesNotExist", parcelId)));
        List<Long> included = jdbc.sql("SELECT id FROM fulfillment.parcels WHERE consolidated_into = ? ORDER BY id")
                .param(parcelId).query(Long.class).list();
        List<PackedLine> lines = jdbc.sql("SELECT line_id, quantity FROM fulfillment.parcel_lines WHERE parcel_id = ? ORDER BY line_id")
                .param(parcelId).query((rs, n) -> new PackedLine(rs.getLong(1), rs.getLong(2))).list();
        List<TrackingEvent> timeline = jdbc.sql("""
                SELECT event_id, kind, occurred_at, received_at, location, note FROM fulfillment.tracking_events
                WHERE parcel_id = ? ORDER BY occurred_at, id""")
                .param(parcelId)
                .query((rs, n) -> new TrackingEvent(rs.getString(1), EventKind.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)))
                .list();
        return new Parcel(row.id(), row.kind(), row.orderId(), row.storeId(), row.buyerId(), row.carrierCode(),
                row.carrierName(), row.serviceId(), row.serviceName(), row.warehouseId(), row.hubId(), row.tracking(),
                row.status(), row.createdAt(), row.deliveredAt(), row.into(), included, lines, timeline);
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    // ---- alerts and refusals

    private static final String ALERT_SELECT = """
            SELECT a.id, a.parcel_id, p.order_id, p.tracking_number, e.occurred_at, e.location, e.note, a.raised_at, a.resolved_at
            FROM fulfillment.alerts a JOIN fulfillment.parcels p ON p.id = a.parcel_id
            JOIN fulfillment.tracking_events e ON e.id = a.event_id""";

    private static Alert alertRow(ResultSet rs, int n) throws SQLException {
        return new Alert(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                instant(rs, 9));
    }

    @Override
    public List<Alert> alerts(Actor actor, boolean includeResolved) {
        actor.require(Role.SELLER, Role.OPERATOR);
        String open = includeResolved ? "TRUE" : "a.resolved_at IS NULL";
        if (actor.is(Role.OPERATOR)) {
            return jdbc.sql(ALERT_SELECT + " WHERE " + open + " ORDER BY a.id DESC LIMIT 200").query(DefaultShipments::alertRow).list();
        }
        return jdbc.sql(ALERT_SELECT + " WHERE " + open + """
                 AND (p.seller_id = ? OR EXISTS (SELECT 1 FROM fulfillment.parcels i WHERE i.consolidated_into = p.id AND i.seller_id = ?))
                ORDER BY a.id DESC LIMIT 200""")
                .params(actor.accountId(), actor.accountId()).query(DefaultShipments::alertRow).list();
    }

    @Override
    @Transactional
    public Alert resolve(Actor actor, long alertId) {
        actor.require(Role.SELLER, Role.OPERATOR);
        Alert alert = jdbc.sql(ALERT_SELECT + " WHERE a.id = ?").param(alertId).query(DefaultShipments::alertRow).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("fulfillment.alertDoesNotExist", alertId)));
        if (!actor.is(Role.OPERATOR) && alerts(actor, true).stream().noneMatch(a -> a.id() == alertId)) {
            throw new NotFoundException(Text.of("fulfillment.alertDoesNotExist", alertId));
        }
        if (alert.resolvedAt() != null) {
            return alert;
        }
        jdbc.sql("UPDATE fulfillment.alerts SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL")
                .params(Timestamp.from(clock.instant()), actor.label(), alertId).update();
        return jdbc.sql(ALERT_SELECT + " WHERE a.id = ?").param(alertId).query(DefaultShipments::alertRow).single();
    }

    @Override
    public List<RefusedWebhook> refused(Actor operator, int limit) {
        operator.require(Role.OPERATOR);
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", Text.of("fulfillment.listRefusalsGot", limit));
        }
        return jdbc.sql("SELECT id, carrier, reason, detail, event_id, received_at FROM fulfillment.refused_webhooks ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new RefusedWebhook(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    // ---- consolidation

    @Override
    public List<AwaitingConsolidation> awaitingConsolidation(Actor operator) {
        operator.require(Role.OPERATOR);
        return jdbc.sql("""
                SELECT p.hub_id, w.name, p.buyer_id, count(*), min(p.delivered_at)
                FROM fulfillment.parcels p JOIN fulfillment.warehouses w ON w.id = p.hub_id
                WHERE p.kind = 'INBOUND' AND p.consolidated_into IS NULL AND p.delivered_at IS NOT NULL
                GROUP BY p.hub_id, w.name, p.buyer_id ORDER BY min(p.delivered_at)""")
                .query((rs, n) -> new AwaitingConsolidation(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Override
    @Transactional
    public Parcel consolidate(Actor operator, long hubId, long buyerAccountId, long serviceId) {
        operator.require(Role.OPERATOR);
        Warehouse hub;
        try {
            hub = logistics.warehouse(hubId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("hubId", e.text());
        }
        if (!hub.hub()) {
            throw new InvalidInputException("hubId", Text.of("fulfillment.warehouseNotConsolidationHub", hubId));
        }
        io.mercato.fulfillment.Logistics.Service service;
        try {
            service = logistics.service(serviceId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("serviceId", e.text());
        }
        List<Long> arrived = jdbc.sql("""
                SELECT id FROM fulfillment.parcels
                WHERE kind = 'INBOUND' AND hub_id = ? AND buyer_id = ? AND consolidated_into IS NULL AND delivered_at IS NOT NULL
                ORDER BY id FOR UPDATE""").params(hubId, buyerAccountId).query(Long.class).list();
        if (arrived.isEmpty()) {
            throw new ConflictException(Text.of("fulfillment.noParcelBuyerWaitingHub", buyerAccountId, hubId));
        }
        long parcelId = insertParcel(ParcelKind.CONSOLIDATED, null, null, null, buyerAccountId, service.carrierId(),
                service.carrierCode(), serviceId, hubId, null);
        jdbc.sql("UPDATE fulfillment.parcels SET consolidated_into = :into, status = 'CONSOLIDATED' WHERE id IN (:ids)")
                .param("into", parcelId).param("ids", arrived).update();
        return load(parcelId);
    }

    // ---- metrics

    @Override
    public Metrics metrics(Actor operator, int days) {
        operator.require(Role.OPERATOR);
        if (days < 1 || days > 366) {
            throw new InvalidInputException("days", Text.of("fulfillment.metricsCoverDaysGot", days));
        }
        Timestamp since = Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(days)));
        List<WarehouseOutbound> outbound = jdbc.sql("""
                SELECT w.id, w.name,
                       count(p.order_id) FILTER (WHERE (p.paid_at AT TIME ZONE w.time_zone)::time < w.cutoff),
                       count(p.order_id) FILTER (WHERE (p.paid_at AT TIME ZONE w.time_zone)::time < w.cutoff
                           AND p.left_at IS NOT NULL
                           AND (p.left_at AT TIME ZONE w.time_zone)::date = (p.paid_at AT TIME ZONE w.time_zone)::date)
                FROM fulfillment.warehouses w
                LEFT JOIN fulfillment.order_promises p ON p.warehouse_id = w.id AND p.paid_at >= :since
                GROUP BY w.id, w.name ORDER BY w.id""")
                .param("since", since)
                .query((rs, n) -> {
                    long before = rs.getLong(3);
                    return new WarehouseOutbound(rs.getLong(1), rs.getString(2), before, rs.getLong(4),
                            before == 0 ? null : rs.getLong(4) / (double) before);
                }).list();
        return new Metrics(outbound, onTime("c.name", since), onTime("c.name || ' · ' || s.name", since),
                onTime("p.origin || ' → ' || p.destination || ' (' || s.name || ')'", since));
    }

    private List<OnTime> onTime(String key, Timestamp since) {
        return jdbc.sql("SELECT " + key + """
                , count(*), count(*) FILTER (WHERE p.delivered_at <= p.promised_by),
                  avg(extract(epoch FROM p.delivered_at - p.left_at) / 86400.0)
                FROM fulfillment.order_promises p
                JOIN fulfillment.services s ON s.id = p.service_id JOIN fulfillment.carriers c ON c.id = s.carrier_id
                WHERE p.delivered_at IS NOT NULL AND p.delivered_at >= ?
                GROUP BY 1 ORDER BY 1""")
                .param(since)
                .query((rs, n) -> {
                    long delivered = rs.getLong(2);
                    double transit = rs.getDouble(4);
                    return new OnTime(rs.getString(1), delivered, rs.getLong(3),
                            delivered == 0 ? null : rs.getLong(3) / (double) delivered, rs.wasNull() ? null : transit);
                }).list();
    }

    // ---- delivery of orders, for the intake

    /** The orders whose every parcel has now reached the buyer, after this parcel was delivered. */
    Set<Long> ordersCompletedBy(long parcelId, ParcelKind kind, @Nullable Long orderId) {
        List<Long> candidates = switch (kind) {
            case DIRECT -> orderId == null ? List.of() : List.of(orderId);
            case INBOUND -> List.of();
            case CONSOLIDATED -> jdbc.sql("SELECT DISTINCT order_id FROM fulfillment.parcels WHERE consolidated_into = ?")
                    .param(parcelId).query(Long.class).list();
        };
        Set<Long> done = new LinkedHashSet<>();
        for (long candidate : candidates) {
            long waiting = jdbc.sql("""
                    SELECT count(*) FROM fulfillment.parcels p LEFT JOIN fulfillment.parcels c ON c.id = p.consolidated_into
                    WHERE p.order_id = ?
                      AND NOT ((p.kind = 'DIRECT' AND p.delivered_at IS NOT NULL)
                            OR (p.kind = 'INBOUND' AND c.delivered_at IS NOT NULL))""")
                    .param(candidate).query(Long.class).single();
            if (waiting == 0) {
                done.add(candidate);
            }
        }
        return done;
    }

    /** Moves the order to delivered (when it is still on its way) and notes when it reached the buyer. */
    void deliverOrder(long orderId, Instant deliveredAt) {
        Long sellerId = jdbc.sql("SELECT seller_id FROM fulfillment.parcels WHERE order_id = ? LIMIT 1").param(orderId)
                .query(Long.class).optional().orElse(null);
        if (sellerId == null) {
            return;
        }
        OrderView order = lifecycle.order(new Actor(sellerId, Role.SELLER), orderId);
        if (order.status() == OrderStatus.SHIPPED) {
            lifecycle.markDelivered(Actor.SYSTEM, orderId);
        }
        jdbc.sql("UPDATE fulfillment.order_promises SET delivered_at = ? WHERE order_id = ? AND delivered_at IS NULL")
                .params(Timestamp.from(deliveredAt), orderId).update();
    }

}
