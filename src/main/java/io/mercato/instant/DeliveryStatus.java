package io.mercato.instant;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for a rider. */
    PENDING,
    /** Offered to a rider by dispatch; the next round may still move it elsewhere until the rider accepts. */
    ASSIGNED,
    /** The rider accepted it: re-plans keep it with this rider. */
    ACCEPTED,
    /** The rider has the goods. */
    PICKED_UP,
    /** Handed over, with the buyer's proof code. */
    DELIVERED,
    /** The order was refunded before the rider picked it up; its delivery fee went back to the buyer. */
    CANCELLED
}
