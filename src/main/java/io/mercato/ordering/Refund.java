package io.mercato.ordering;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A buyer's request for money back on some or all lines of an order.
 *
 * @param returnGoods whether goods come back (after delivery) or never left (before shipment)
 * @param decideBy when the platform decides for a seller who has not
 */
public record Refund(long id, long orderId, RefundStatus status, boolean returnGoods, long amountMinor,
        String reason, Instant requestedAt, @Nullable Instant decideBy, @Nullable Instant decidedAt,
        @Nullable String decidedBy, @Nullable String decisionNote, List<RefundLine> lines) {

    public Refund {
        lines = List.copyOf(lines);
    }

    public enum RefundStatus {
        REQUESTED, APPROVED, REJECTED
    }

    public record RefundLine(long lineId, long quantity, long amountMinor) {
    }
}
