package io.mercato.assistant.internal;

import io.mercato.fulfillment.Shipments;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tools both assistants call. Each runs as the asking buyer through the owning module's facade, which checks
 * ownership; a refusal and a missing order look the same to the assistant, so no answer tells whether another
 * buyer's order exists.
 */
@Component
final class BuyerTools {

    static final int RECENT = 3;

    private final OrderLifecycle lifecycle;
    private final Shipments shipments;

    BuyerTools(OrderLifecycle lifecycle, Shipments shipments) {
        this.lifecycle = lifecycle;
        this.shipments = shipments;
    }

    /** The buyer's order, or empty when it does not exist or is not the buyer's. */
    Optional<OrderView> order(Actor buyer, long orderId) {
        try {
            OrderView order = lifecycle.order(buyer, orderId);
            return order.buyerAccountId() == buyer.accountId() ? Optional.of(order) : Optional.empty();
        } catch (NotFoundException | ForbiddenException notTheirs) {
            return Optional.empty();
        }
    }

    /** The buyer's latest orders, newest first. */
    List<OrderView> recentOrders(Actor buyer, int limit) {
        return lifecycle.orders(buyer, null, null, null, 0, limit).stream()
                .filter(o -> o.buyerAccountId() == buyer.accountId()).toList();
    }

    /** The latest order that has left the store, if any. */
    Optional<OrderView> latestShipped(Actor buyer) {
        return lifecycle.orders(buyer, null, null, null, 0, 20).stream()
                .filter(o -> o.buyerAccountId() == buyer.accountId() && o.shippedAt() != null)
                .findFirst();
    }

    /** The order's parcels with their timelines; empty when none or not the buyer's. */
    List<Shipments.Parcel> parcels(Actor buyer, long orderId) {
        try {
            return shipments.parcelsOf(buyer, orderId);
        } catch (NotFoundException | ForbiddenException notTheirs) {
            return List.of();
        }
    }

    /** What a refund of every line not yet refunded or asked back would return, in minor units. */
    static long refundable(OrderView order) {
        long sum = 0;
        for (OrderView.Line line : order.lines()) {
            sum += line.quantity() == 0 ? 0 : line.paid().minor() * line.refundableQuantity() / line.quantity();
        }
        return sum;
    }

    static boolean canAskRefund(OrderView order) {
        return (order.status() == OrderStatus.PAID || order.status() == OrderStatus.SHIPPED
                || order.status() == OrderStatus.DELIVERED) && refundable(order) > 0;
    }
}
