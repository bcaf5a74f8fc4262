package io.mercato.ordering.internal;

import io.mercato.ordering.OrderStatus;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Text;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a buyer may ask for money back, and how: before shipment the refund is paid at once; after delivery,
 * within the return window, it is a return the seller decides, or the platform once the decision is overdue.
 * On the way (shipped, not yet delivered) and once closed, there is nothing to ask for.
 */
record RefundPolicy(Duration returnWindow, Duration decisionTimeout) {

    enum Route {
        /** Nothing has left the warehouse: money and stock come back at once. */
        IMMEDIATE,
        /** The goods are with the buyer: the seller decides on the return. */
        RETURN
    }

    RefundPolicy {
        if (returnWindow.isNegative() || decisionTimeout.isNegative()) {
            throw new IllegalArgumentException("Return window " + returnWindow + " and decision timeout "
                    + decisionTimeout + " must not be negative");
        }
    }

    /**
     * How a refund asked for now on an order in this status is handled.
     *
     * @param deliveredAt when the goods reached the buyer (for an order completed without a recorded delivery, when
     *     it completed)
     *
     * @throws ConflictException when the order cannot be refunded now, saying why and what the buyer can do
     */
    Route route(long orderId, OrderStatus status, @Nullable Instant deliveredAt, Instant now) {
        return switch (status) {
            case PAID -> Route.IMMEDIATE;
            case DELIVERED, COMPLETED -> {
                // A completed order may still be returned within the window: the refund then comes out of the
                // seller's balance, as its escrow was released.
                Instant deadline = java.util.Objects.requireNonNull(deliveredAt, "deliveredAt").plus(returnWindow);
                if (!now.isBefore(deadline)) {
                    throw new ConflictException(Text.of("ordering.orderWasDeliveredReturnsClosed", orderId, deliveredAt, deadline));
                }
                yield Route.RETURN;
            }
            case SHIPPED -> throw new ConflictException(Text.of("ordering.orderWayAskReturnOnce", orderId));
            case AWAITING_PAYMENT, CANCELLED, REFUNDED -> throw new ConflictException(Text.of("ordering.cannotRefundOrder", orderId, status));
        };
    }

    /** When the platform decides a return requested at {@code requestedAt} that the seller has left alone. */
    Instant decideBy(Instant requestedAt) {
        return requestedAt.plus(decisionTimeout);
    }
}
