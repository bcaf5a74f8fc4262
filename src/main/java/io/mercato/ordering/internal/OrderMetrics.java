package io.mercato.ordering.internal;

import io.mercato.ordering.OrderEvents.OrderCancelled;
import io.mercato.ordering.OrderEvents.OrderCompleted;
import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.ordering.OrderEvents.OrderPlaced;
import io.mercato.ordering.OrderEvents.RefundApproved;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts orders and money through the lifecycle for the Prometheus endpoint ({@code mercato_orders_total},
 * {@code mercato_gmv_minor_total}, {@code mercato_fees_minor_total}, {@code mercato_refunds_minor_total}).
 * Counted after commit, so rolled-back work never shows. (Plain listeners with a commit hook rather than
 * transactional event listeners, which the event publication registry would persist for nothing.)
 */
@Component
class OrderMetrics {

    private final MeterRegistry registry;

    OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(OrderPlaced event) {
        afterCommit(() -> {
            registry.counter("mercato.orders", "event", "placed").increment();
        });
    }

    @EventListener
    void on(OrderPaid event) {
        afterCommit(() -> {
            registry.counter("mercato.orders", "event", "paid").increment();
            registry.counter("mercato.gmv.minor", "currency", event.total().currencyCode()).increment(event.total().minor());
        });
    }

    @EventListener
    void on(OrderCompleted event) {
        afterCommit(() -> {
            registry.counter("mercato.orders", "event", "completed").increment();
            registry.counter("mercato.fees.minor", "currency", event.fee().currencyCode()).increment(event.fee().minor());
        });
    }

    @EventListener
    void on(OrderCancelled event) {
        afterCommit(() -> {
            registry.counter("mercato.orders", "event", "cancelled").increment();
        });
    }

    @EventListener
    void on(RefundApproved event) {
        afterCommit(() -> {
            registry.counter("mercato.refunds.minor", "currency", event.amount().currencyCode()).increment(event.amount().minor());
        });
    }

    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
