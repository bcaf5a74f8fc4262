package io.mercato.membership;

/** Why points were awarded or taken back. */
public enum PointsReason {
    /** One point per whole RMB of a paid order. */
    ORDER_PAID,
    /** A refund takes back the points of the money returned (never more than the order earned). */
    REFUND,
    /** A review of a product bought. */
    REVIEW,
    /** The day's check-in in the shop. */
    CHECK_IN
}
