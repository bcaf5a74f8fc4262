package io.mercato.ordering;

import java.util.List;

/** What happened to orders, for other modules to react to. */
public final class OrderEvents {

    private OrderEvents() {
    }

    public record OrderPlaced(long orderId, long buyerAccountId, long storeId, long totalMinor, String currency) {
    }

    /** @param lines what was bought, so that sales counts (search ranking, reports) need not re-read the order */
    public record OrderPaid(long orderId, long buyerAccountId, long storeId, long totalMinor, String currency,
            List<PaidLine> lines) {

        public OrderPaid {
            lines = List.copyOf(lines);
        }
    }

    public record PaidLine(long productId, long skuId, long quantity) {
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
