package io.mercato.assistant;

/** What a buyer's question is about, as the assistant understood it. */
public enum Intent {
    /** Where an order stands: status, payment, what was bought. */
    ORDER_STATUS,
    /** Where the parcel is: carrier, tracking number, latest event. */
    TRACKING,
    /** Money back: the assistant proposes a refund request that the buyer confirms. */
    REFUND,
    /** How a refund already asked for stands. */
    REFUND_STATUS,
    /** A question the platform's policies and help answer (returns, delivery times, payment, membership). */
    POLICY,
    /** Looking for something to buy: the shopping guide answers. */
    SHOPPING,
    /** A greeting or thanks. */
    GREETING,
    /** Not understood: handed over to the store. */
    UNKNOWN
}
