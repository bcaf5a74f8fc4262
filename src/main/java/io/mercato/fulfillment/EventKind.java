package io.mercato.fulfillment;

/** A step of a parcel's journey as a carrier reports it. */
public enum EventKind {
    COLLECTED, SORTING_CENTRE, LINE_HAUL, CUSTOMS, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION
}
