package io.mercato.insights.internal;

import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderEvents.OrderCompleted;
import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.ordering.OrderEvents.OrderPlaced;
import io.mercato.ordering.OrderEvents.RefundApproved;
import io.mercato.ordering.SalesFacts;
import io.mercato.ordering.SalesFacts.OrderFact;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts the order events as facts, inside the transaction that raised them (a plain {@code @EventListener}, like
 * search's sales log): a payment that rolls back counts nothing, and no publication row is written per order. Each
 * fact's key names its event, so a repeated event counts once. The daily tables are folded from the facts by
 * {@link RollUp}, so no payment waits on a shared daily row.
 *
 * <p>Days are the marketplace's (in {@code mercato.web.time-zone}) at the moment the event is handled, which is the
 * moment of the transition (the same transaction and clock). Refunds count against the day the order was paid (GMV net
 * of refunds per day of payment); fees given back after settlement against the day the order completed.
 */
@Component
class SalesEvents {

    private final Facts facts;
    private final Stores stores;
    private final SalesFacts orders;
    private final Clock clock;
    private final ZoneId zone;
    /** A store's kind never changes, so it is looked up once per store. */
    private final Map<Long, String> segments = new ConcurrentHashMap<>();

    SalesEvents(Facts facts, Stores stores, SalesFacts orders, Clock clock,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.facts = facts;
        this.stores = stores;
        this.orders = orders;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @EventListener
    void on(OrderPlaced event) {
        facts.add("placed:" + event.orderId(), "PLACED", event.orderId(), today(), segment(event.storeId()),
                event.total().currencyCode(), event.buyerAccountId(), event.total().minor(), true);
    }

    @EventListener
    void on(OrderPaid event) {
        facts.add("paid:" + event.orderId(), "PAID", event.orderId(), today(), segment(event.storeId()),
                event.total().currencyCode(), event.buyerAccountId(), event.total().minor(), true);
    }

    @EventListener
    void on(RefundApproved event) {
        Optional<Facts.Counted> paid = facts.paid(event.orderId());
        Facts.Counted payment = paid.orElseGet(() -> fromOrder(event.orderId()));
        facts.add("refund:" + event.refundId(), "REFUND", event.orderId(), payment.day(), payment.segment(),
                payment.currency(), payment.buyerId(), event.amount().minor(), false);
        // After settlement a refund also lowers what the platform keeps of the order: its fee, or for the
        // Supermarket its sale.
        facts.revenue(event.orderId()).ifPresent(revenue -> {
            long now = keptRevenue(event.orderId(), revenue.completion().segment());
            if (now != revenue.countedMinor()) {
                Facts.Counted completion = revenue.completion();
                facts.add("feeback:" + event.refundId(), "REVENUE", event.orderId(), completion.day(),
                        completion.segment(), completion.currency(), completion.buyerId(),
                        now - revenue.countedMinor(), false);
            }
        });
    }

    @EventListener
    void on(OrderCompleted event) {
        String segment = segment(event.storeId());
        long revenue = StoreKind.SUPERMARKET.name().equals(segment) ? event.settled().minor() : event.fee().minor();
        long buyer = facts.paid(event.orderId()).map(Facts.Counted::buyerId)
                .orElseGet(() -> fromOrder(event.orderId()).buyerId());
        facts.add("revenue:" + event.orderId(), "REVENUE", event.orderId(), today(), segment,
                event.settled().currencyCode(), buyer, revenue, true);
    }

    /** What the platform keeps of a completed order now: its fee, or the whole value kept for a first-party sale. */
    private long keptRevenue(long orderId, String segment) {
        OrderFact order = orders.order(orderId).orElseThrow();
        return revenueOf(order, segment);
    }

    static long revenueOf(OrderFact order, String segment) {
        return StoreKind.SUPERMARKET.name().equals(segment) ? order.totalMinor() - order.refundedMinor()
                : order.feeMinor() == null ? 0 : order.feeMinor();
    }

    private Facts.Counted fromOrder(long orderId) {
        OrderFact order = orders.order(orderId).orElseThrow();
        LocalDate day = LocalDate.ofInstant(order.paidAt() == null ? order.placedAt() : order.paidAt(), zone);
        return new Facts.Counted(day, order.storeKind(), order.currency(), order.buyerId());
    }

    private String segment(long storeId) {
        return segments.computeIfAbsent(storeId, id -> stores.get(id).kind().name());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
