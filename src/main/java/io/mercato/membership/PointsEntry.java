package io.mercato.membership;

import java.time.Instant;

/**
 * One award (or reversal, when negative) of engagement points.
 *
 * @param source what earned it, unique per buyer: {@code order:12}, {@code refund:7}, {@code review:3},
 *     {@code check-in:2026-12-03}
 */
public record PointsEntry(long id, long buyerAccountId, String source, PointsReason reason, long points,
        Instant createdAt) {
}
