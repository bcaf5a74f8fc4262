package io.mercato.ordering;

/** What happened to orders, for other modules to react to. */
public final class OrderEvents {

    private OrderEvents() {
    }

    public record OrderPlaced(long orderId, long buyerAccountId, long storeId, long totalMinor, String currency) {
    }

    public record OrderPaid(long orderId, long buyerAccountId, long storeId, long totalMinor, String currency) {
    }

    public record OrderShipped(long orderId, String carrier, String trackingNumber) {
    }

    public record OrderDelivered(long orderId) {
    }

    public record OrderCompleted(long orderId, long storeId, long settledMinor, long feeMinor, String currency) {
    }

    public record OrderCancelled(long orderId, String reason) {
    }

    public record RefundApproved(long refundId, long orderId, long amountMinor, String currency) {
    }
}
