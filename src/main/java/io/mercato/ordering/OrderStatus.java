package io.mercato.ordering;

public enum OrderStatus {
    AWAITING_PAYMENT, PAID, SHIPPED, DELIVERED, COMPLETED, CANCELLED, REFUNDED;

    /** Whether the order's money sits in escrow. */
    public boolean holdsEscrow() {
        return this == PAID || this == SHIPPED || this == DELIVERED;
    }
}
