package io.mercato.ordering.internal;

import io.mercato.ordering.OrderFees;

import io.mercato.ordering.Refund;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clock-driven steps of the lifecycle: cancels unpaid orders past their deadline, approves returns the
 * seller has not decided in time, and completes delivered orders the buyer has not confirmed. Safe on several
 * instances: due work is picked with {@code SKIP LOCKED} and each order is re-checked under its row lock, in
 * a transaction of its own, so one failure does not hold up the rest. Public so that tests can run it on
 * purpose; nothing outside the module calls it.
 */
@Component
public final class OrderTimeouts {

    private static final Logger log = LoggerFactory.getLogger(OrderTimeouts.class);
    private static final int BATCH = 200;

    private final Orders orders;
    private final OrderMoves moves;
    private final OrderFees fees;
    private final OrderingProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    OrderTimeouts(Orders orders, OrderMoves moves, OrderFees fees, OrderingProperties properties, Clock clock,
            ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.orders = orders;
        this.moves = moves;
        this.fees = fees;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        // Each due order in a transaction of its own, even when the caller (the operator's endpoint) has one open.
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs every due timer once and says how many orders and refunds it acted on. */
    public int run() {
        Instant now = Order.now(clock);
        return expireUnpaid(now) + approveUndecidedReturns(now) + confirmDelivered(now);
    }

    private int expireUnpaid(Instant now) {
        String why = "not paid within " + properties.paymentTimeout().toMinutes() + " minutes";
        return sweep(() -> orders.unpaidPast(now, BATCH), orderId -> {
            Order order = orders.lock(orderId);
            if (!order.expire(now, why)) {
                return false;
            }
            orders.save(order);
            moves.cancelled(order);
            publish(order);
            return true;
        });
    }

    private int approveUndecidedReturns(Instant now) {
        return sweep(() -> orders.returnsUndecidedPast(now, BATCH), refundId -> {
            Order order = orders.lockOrderOfRefund(refundId);
            Optional<Refund> approved = order.approveOverdueReturn(refundId, now);
            if (approved.isEmpty()) {
                return false;
            }
            orders.save(order);
            moves.refunded(order, approved.get());
            publish(order);
            return true;
        });
    }

    private int confirmDelivered(Instant now) {
        String note = "confirmed automatically " + properties.autoConfirmAfter().toDays() + " days after delivery";
        return sweep(() -> orders.deliveredUnconfirmedBefore(now.minus(properties.autoConfirmAfter()), BATCH), orderId -> {
            Order order = orders.lock(orderId);
            if (!order.confirmAutomatically(now, fees, note)) {
                return false;
            }
            orders.save(order);
            moves.completed(order);
            publish(order);
            return true;
        });
    }

    /**
     * Acts on each due id in its own transaction until a batch comes back short or nothing in it could be
     * done (so an order that keeps failing cannot spin the sweep).
     */
    private int sweep(Supplier<List<Long>> due, LongPredicate action) {
        int done = 0;
        while (true) {
            // Picked in a transaction of its own, which ends at once: SKIP LOCKED only passes over orders that
            // another instance is working on, and this sweep's own transactions can then lock what it picked.
            List<Long> ids = transactions.execute(picking -> due.get());
            int handled = 0;
            for (long id : ids) {
                try {
                    Boolean acted = transactions.execute(status -> action.test(id));
                    if (Boolean.TRUE.equals(acted)) {
                        handled++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Timer could not act on {}: {}", id, e.getMessage());
                }
            }
            done += handled;
            if (ids.size() < BATCH || handled == 0) {
                return done;
            }
        }
    }

    private void publish(Order order) {
        order.releaseEvents().forEach(events::publishEvent);
    }
}
