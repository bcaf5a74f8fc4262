package io.mercato.ordering;

import io.mercato.platform.Actor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Money back for buyers: refunds before shipment, returns after delivery, and the seller's (or the
 * platform's) decision on them. Each call checks who may act, moves money and stock in the same transaction,
 * and records the step in the order's history.
 */
public interface RefundDesk {

    /**
     * Asks for money back on some lines (all remaining ones when {@code items} is null). Before shipment the
     * refund is immediate; after delivery, within the return window, the seller decides (or the platform
     * after a timeout).
     *
     * @throws io.mercato.platform.InvalidInputException naming the bad item, or a missing reason
     * @throws io.mercato.platform.ConflictException when the order cannot be refunded now
     */
    Refund request(Actor buyer, long orderId, @Nullable List<RefundItem> items, String reason);

    /** The seller (or an operator) accepts a requested return: the money goes back and the goods back on hand. */
    Refund approve(Actor actor, long refundId, @Nullable String note);

    /** The seller (or an operator) refuses a requested return, telling the buyer why in {@code note}. */
    Refund reject(Actor actor, long refundId, String note);

    /**
     * An operator's ruling for the buyer on a return the seller rejected (a dispute): a new refund of the rejected
     * one's lines (all of them when {@code items} is null, else the units named, each within the rejected refund),
     * approved at once and paid through the usual path: from escrow before settlement, from the merchant's balance
     * (with the fee share given back) after it, goods back on hand.
     *
     * @throws io.mercato.platform.ForbiddenException when the actor is not an operator
     * @throws io.mercato.platform.ConflictException when the refund was not rejected, or its units were refunded since
     * @throws io.mercato.platform.InvalidInputException naming the item that is not within the rejected refund
     */
    Refund refundAfterDispute(Actor operator, long rejectedRefundId, @Nullable List<RefundItem> items, String note);

    /**
     * Returns waiting for a decision on the seller's orders (on any order, for operators), oldest first,
     * at most {@code limit}.
     */
    List<Awaiting> awaitingDecision(Actor actor, int limit);

    /** How many returns {@link #awaitingDecision} would list, however many that is. */
    long countAwaitingDecision(Actor actor);

    record RefundItem(long lineId, long quantity) {
    }

    /** A requested return with the order it belongs to. */
    record Awaiting(OrderView order, Refund refund) {
    }
}
