package io.mercato.ads.internal.auction;

/** Where an ad shows: among search results, or in the shop's home/recommendation feed. */
public enum Placement {
    SEARCH, FEED
}
