package io.mercato.billing;

/** What a fee rule charges. */
public enum FeeRuleKind {
    /** A rate on the whole value the buyer kept of an order (Taobao's software service fee). */
    SERVICE_FEE,
    /** A rate on the value kept of each line of one category, replacing the category's own commission. */
    COMMISSION,
    /** An annual fee charged to the merchant balance (wholesale stores), instead of fees per order. */
    MEMBERSHIP
}
