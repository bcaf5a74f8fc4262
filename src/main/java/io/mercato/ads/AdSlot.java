package io.mercato.ads;

/** Where sponsored tiles show: among the shop's search results, or on its home (recommendation) feed. */
public enum AdSlot {
    SEARCH,
    FEED
}
