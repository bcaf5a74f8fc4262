package io.mercato.instant.internal;

import io.mercato.instant.Dispatch;
import io.mercato.ordering.OrderEvents.RefundApproved;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.payment.DeliveryFees;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An instant order refunded in full before its rider picked it up has nothing left to deliver: its delivery is
 * cancelled and its fee given back (the buyer's part to the wallet, the subsidy's to the subsidy), in one transaction.
 * Idempotent: a delivery already cancelled, picked up or delivered is left alone, and the refund posting is unique.
 */
@Component
class DeliveryRefunds {

    private final DeliveryRows rows;
    private final OrderLifecycle orders;
    private final DeliveryFees fees;
    private final Dispatch dispatch;
    private final Clock clock;

    DeliveryRefunds(DeliveryRows rows, OrderLifecycle orders, DeliveryFees fees, Dispatch dispatch, Clock clock) {
        this.rows = rows;
        this.orders = orders;
        this.fees = fees;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RefundApproved event) {
        rows.byOrder(event.orderId()).ifPresent(delivery -> {
            if (orders.order(new Actor(delivery.buyerAccountId(), Role.BUYER), event.orderId()).status() != OrderStatus.REFUNDED) {
                return;
            }
            if (rows.lock(delivery.id()).isPresent() && rows.cancel(delivery.id(), clock.instant())) {
                fees.refund(delivery.id(), delivery.orderId());
                dispatch.replanSoon();
            }
        });
    }
}
