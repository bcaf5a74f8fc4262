package io.mercato.ordering;

import io.mercato.platform.Actor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Moves orders through their lifecycle. Each call checks that the actor may act on the order and that the
 * move is legal from the order's status, records the transition with who and when, and moves money and
 * stock in the same transaction.
 */
public interface OrderLifecycle {

    /**
     * The order, if the actor is its buyer, its seller or an operator.
     *
     * @throws io.mercato.platform.NotFoundException when there is no such order
     * @throws io.mercato.platform.ForbiddenException when the order is someone else's
     */
    OrderView order(Actor actor, long orderId);

    /** The buyer's orders, or a seller's, or (for operators) any, newest first. */
    List<OrderView> orders(Actor actor, @Nullable OrderStatus status, @Nullable Long storeId, @Nullable Long buyerId,
            int page, int size);

    /**
     * One page of the orders the actor may see (a seller's own stores', all for operators, a buyer's own) that match
     * every criterion of the search, newest first, with the number found.
     *
     * @throws io.mercato.platform.InvalidInputException naming {@code page} or {@code size} when out of range
     */
    OrderSearch.Found search(Actor actor, OrderSearch search, int page, int size);

    /** How many orders {@link #orders} would list for the actor in this status (any status when null). */
    long count(Actor actor, @Nullable OrderStatus status);

    OrderView pay(Actor buyer, long orderId);

    /** Cancels an unpaid order, or refunds a paid one in full before it ships. */
    OrderView cancel(Actor buyer, long orderId, @Nullable String reason);

    OrderView ship(Actor seller, long orderId, String carrier, String trackingNumber);

    /**
     * Records the carrier's delivery (by the seller or an operator on the carrier's word, or by
     * {@link Actor#SYSTEM} when the carrier's signed tracking events report it).
     */
    OrderView markDelivered(Actor actor, long orderId);

    /** The buyer confirms receipt: escrow is released to the merchant minus the platform's fee. */
    OrderView confirmReceipt(Actor buyer, long orderId);
}
