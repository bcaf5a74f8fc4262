package io.mercato.disputes;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A buyer's escalation of a rejected return, as its parties and operators see it. Amounts in minor units of
 * {@code currency}.
 *
 * @param claimedMinor what the rejected return asked for
 * @param refundedMinor what the decision paid back (0 for {@link Outcome#NONE}); null while open
 * @param paidRefundId the refund the decision paid through ordering's refund path; null unless money moved
 */
public record Dispute(long id, long refundId, long orderId, long buyerId, long sellerId, long storeId, String currency,
        long claimedMinor, Status status, String buyerStatement, @Nullable String sellerStatement, Instant openedAt,
        @Nullable Outcome outcome, @Nullable Long refundedMinor, @Nullable Long paidRefundId,
        @Nullable String decisionNote, @Nullable Instant decidedAt) {

    public enum Status {
        OPEN, DECIDED
    }

    /** The operator's ruling: refund all that was claimed, part of it (some units), or nothing. */
    public enum Outcome {
        FULL, PARTIAL, NONE
    }
}
