package io.mercato.fulfillment.internal;

import io.mercato.fulfillment.Logistics.Template;
import io.mercato.fulfillment.Logistics.Warehouse;
import io.mercato.fulfillment.Promises;
import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderShipping;
import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes promises from the store's template and keeps one per order at checkout (ordering's {@link OrderShipping}),
 * noting when the order is paid, in the paying transaction, for the same-day outbound rate.
 */
@Service
class DefaultPromises implements Promises, OrderShipping {

    private final JdbcClient jdbc;
    private final DefaultLogistics logistics;
    private final OrderLifecycle lifecycle;
    private final Clock clock;

    DefaultPromises(JdbcClient jdbc, DefaultLogistics logistics, OrderLifecycle lifecycle, Clock clock) {
        this.jdbc = jdbc;
        this.logistics = logistics;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Override
    public @Nullable Promise quote(long storeId, String country, @Nullable String province, @Nullable String city) {
        Template template = logistics.template(storeId);
        if (template == null) {
            return null;
        }
        return quote(template, Regions.of(Regions.country("country", country), province, city), clock.instant());
    }

    private @Nullable Promise quote(Template template, String destinationRegion, Instant at) {
        Warehouse warehouse = template.warehouse();
        DefaultLogistics.LaneMatch lane = logistics.lane(template.service().id(), warehouse.region(), destinationRegion);
        if (lane == null) {
            return null;
        }
        ZoneId zone = ZoneId.of(warehouse.timeZone());
        var calculated = PromiseCalculator.promise(at, zone, warehouse.cutoff(), lane.transitDays(),
                logistics.holidaysIn(warehouse.country(), at.atZone(zone).toLocalDate()));
        return new Promise(warehouse.id(), warehouse.city(), template.service().id(), template.service().kind(),
                template.service().name(), warehouse.region(), lane.destination(), calculated.shipsOn(),
                calculated.arrivesBy(), calculated.promisedBy(), warehouse.timeZone());
    }

    @Override
    public void placed(PlacedOrder order) {
        Template template = logistics.template(order.storeId());
        if (template == null) {
            return;
        }
        var address = order.address();
        Promise promise = quote(template, Regions.of(address.country(), address.province(), address.city()), order.placedAt());
        if (promise == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO fulfillment.order_promises (order_id, store_id, buyer_id, seller_id, warehouse_id, service_id,
                    origin, destination, ships_on, promised_by, quoted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""")
                .params(order.orderId(), order.storeId(), order.buyerAccountId(), order.sellerAccountId(),
                        promise.warehouseId(), promise.serviceId(), promise.origin(), promise.destination(),
                        promise.shipsOn(), Timestamp.from(promise.promisedBy()), Timestamp.from(order.placedAt()))
                .update();
    }

    @Override
    public Money fee(FeeQuestion question) {
        Template template = logistics.template(question.storeId());
        if (template == null) {
            return Money.zero(question.goods().currency());
        }
        var address = question.address();
        long fee = ShippingFees.fee(template, Regions.of(address.country(), address.province(), address.city()),
                question.goods().currencyCode(), question.goods().minor(), question.units());
        return new Money(fee, question.goods().currency());
    }

    /** In the paying transaction: one guarded update, nothing when the order has no promise. */
    @EventListener
    void on(OrderPaid paid) {
        jdbc.sql("UPDATE fulfillment.order_promises SET paid_at = ? WHERE order_id = ? AND paid_at IS NULL")
                .params(Timestamp.from(clock.instant()), paid.orderId()).update();
    }

    @Override
    @Transactional(readOnly = true)
    public @Nullable Promise ofOrder(Actor actor, long orderId) {
        lifecycle.order(actor, orderId);
        record Row(long warehouseId, long serviceId, String origin, String destination, Instant promisedBy,
                LocalDate shipsOn) {
        }
        Row row = jdbc.sql("""
                SELECT warehouse_id, service_id, origin, destination, promised_by, ships_on
                FROM fulfillment.order_promises WHERE order_id = ?""")
                .param(orderId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getObject(6, LocalDate.class)))
                .optional().orElse(null);
        if (row == null) {
            return null;
        }
        Warehouse warehouse = logistics.warehouse(row.warehouseId());
        var service = logistics.service(row.serviceId());
        ZoneId zone = ZoneId.of(warehouse.timeZone());
        var arrivesBy = row.promisedBy().atZone(zone).toLocalDate().minusDays(1);
        return new Promise(warehouse.id(), warehouse.city(), service.id(), service.kind(), service.name(), row.origin(),
                row.destination(), row.shipsOn(), arrivesBy, row.promisedBy(), warehouse.timeZone());
    }
}
