package io.mercato.fulfillment;

/** What a carrier's service promises: the lanes give its transit days, the kind names it for buyers. */
public enum ServiceKind {
    STANDARD, NEXT_DAY, HALF_DAY, GLOBAL_5_DAY
}
