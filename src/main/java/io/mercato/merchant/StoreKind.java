package io.mercato.merchant;

/** The kinds of store the marketplace runs; each earns the platform money its own way. */
public enum StoreKind {
    /** Small and medium merchants; the platform charges a software service fee. */
    TAOBAO,
    /** Verified brand stores; the platform charges a commission by category. */
    TMALL,
    /** The platform's own first-party store; its sales are platform revenue. */
    SUPERMARKET,
    /** Stores near the buyer, delivered by riders. */
    LOCAL,
    /** Cross-border sellers. */
    GLOBAL,
    /** B2B suppliers. */
    WHOLESALE;

    /** Whether an operator must verify the store (brand authorisation) before its products sell. */
    public boolean needsVerification() {
        return this == TMALL;
    }
}
