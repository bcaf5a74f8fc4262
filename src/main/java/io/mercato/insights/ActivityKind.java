package io.mercato.insights;

/** What a visitor did, as recorded in the activity stream. */
public enum ActivityKind {
    /** Opened a shop page. */
    VISIT,
    /** Ran a search. */
    SEARCH,
    /** Looked at a product page. */
    VIEW,
    /** Put something in the cart. */
    CART
}
