package io.mercato.fulfillment;

/**
 * DIRECT goes from the store's warehouse to the buyer; INBOUND from a global store to a platform hub, where it
 * waits to be consolidated; CONSOLIDATED is the hub's one international parcel holding a buyer's inbound parcels.
 */
public enum ParcelKind {
    DIRECT, INBOUND, CONSOLIDATED
}
