package io.mercato.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Orders as facts for reports that keep their own roll-ups (insights): read in pages by id, so a full recompute can
 * walk every order once without holding it all in memory.
 */
public interface SalesFacts {

    /** Orders with an id above {@code afterOrderId}, in id order, at most {@code limit} (1–10,000). */
    List<OrderFact> after(long afterOrderId, int limit);

    /** One order's facts, if it exists. */
    Optional<OrderFact> order(long orderId);

    /**
     * @param storeKind the store kind the order was placed with (its business segment)
     * @param totalMinor what the buyer pays, in {@code currency}
     * @param refundedMinor what has been refunded so far
     * @param feeMinor the platform's fee as it stands (net of fees given back), once completed
     */
    record OrderFact(long orderId, long buyerId, long storeId, String storeKind, String currency, long totalMinor,
            long refundedMinor, Instant placedAt, @Nullable Instant paidAt, @Nullable Instant completedAt,
            @Nullable Long feeMinor) {
    }
}
