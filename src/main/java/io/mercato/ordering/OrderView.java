package io.mercato.ordering;

import io.mercato.merchant.StoreKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An order: what one buyer bought from one store in one checkout.
 *
 * @param refundedMinor money already returned to the buyer
 * @param payBy when an unpaid order is cancelled
 */
public record OrderView(long id, long checkoutId, long buyerAccountId, long storeId, StoreKind storeKind,
        long sellerAccountId, OrderStatus status, String currency, long totalMinor, long refundedMinor,
        @Nullable Long feeMinor, Address address, @Nullable String carrier, @Nullable String trackingNumber,
        Instant placedAt, Instant payBy, @Nullable Instant paidAt, @Nullable Instant shippedAt,
        @Nullable Instant deliveredAt, @Nullable Instant completedAt, @Nullable Instant closedAt,
        List<Line> lines, List<Transition> history, List<Refund> refunds) {

    public OrderView {
        lines = List.copyOf(lines);
        history = List.copyOf(history);
        refunds = List.copyOf(refunds);
    }

    /** Money still held in escrow for this order (zero once settled or closed). */
    public long escrowMinor() {
        return status.holdsEscrow() ? totalMinor - refundedMinor : 0;
    }

    public record Line(long id, long skuId, long productId, String title, Map<String, String> attributes,
            long unitPriceMinor, long quantity, long refundedQuantity, long pendingRefundQuantity,
            int commissionBasisPoints) {

        public long amountMinor() {
            return unitPriceMinor * quantity;
        }

        public long refundableQuantity() {
            return quantity - refundedQuantity - pendingRefundQuantity;
        }
    }

    /** One change of status: who made it and when. */
    public record Transition(@Nullable OrderStatus from, OrderStatus to, String actor, Instant at,
            @Nullable String note) {
    }
}
