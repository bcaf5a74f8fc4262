package io.mercato.ordering;

import io.mercato.platform.Money;
import java.util.List;

/** What happened to orders, for other modules to react to. */
public final class OrderEvents {

    private OrderEvents() {
    }

    public record OrderPlaced(long orderId, long buyerAccountId, long storeId, Money total) {
    }

    /** @param lines what was bought, so that sales counts (search ranking, reports) need not re-read the order */
    public record OrderPaid(long orderId, long buyerAccountId, long storeId, Money total, List<PaidLine> lines) {

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

    /**
     * @param settled the order money escrow released (the total less refunds)
     * @param fee what the platform kept of it
     */
    public record OrderCompleted(long orderId, long storeId, Money settled, Money fee) {
    }

    public record OrderCancelled(long orderId, String reason) {
    }

    public record RefundApproved(long refundId, long orderId, Money amount) {
    }
}
