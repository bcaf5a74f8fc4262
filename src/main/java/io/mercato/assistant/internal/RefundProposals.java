package io.mercato.assistant.internal;

import io.mercato.assistant.Answer;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Refund requests the assistant drafted, waiting for the buyer's confirmation (for 30 minutes). */
@Component
final class RefundProposals {

    static final Duration VALID_FOR = Duration.ofMinutes(30);
    static final int MAX_REASON = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    RefundProposals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Pending(long id, long orderId, String reason, Instant expiresAt) {
    }

    Answer.RefundProposal propose(Actor buyer, OrderView order, String reason) {
        Instant now = clock.instant();
        Instant expires = now.plus(VALID_FOR);
        String why = reason.strip();
        why = why.length() > MAX_REASON ? why.substring(0, MAX_REASON) : why;
        long id = jdbc.sql("""
                INSERT INTO assistant.refund_proposals (buyer_account_id, order_id, reason, proposed_at, expires_at)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(buyer.accountId(), order.id(), why, Timestamp.from(now), Timestamp.from(expires))
                .query(Long.class).single();
        return new Answer.RefundProposal(id, order.id(), BuyerTools.refundable(order), order.currency(), expires);
    }

    /**
     * Takes the buyer's pending proposal, locking it for the rest of the transaction.
     *
     * @throws NotFoundException when it is not the buyer's
     * @throws ConflictException when it was confirmed already or has expired
     */
    Pending take(Actor buyer, long proposalId) {
        record Row(long id, long orderId, String reason, Instant expiresAt, @Nullable Instant confirmedAt) {
        }
        Row row = jdbc.sql("""
                SELECT id, order_id, reason, expires_at, confirmed_at FROM assistant.refund_proposals
                WHERE id = ? AND buyer_account_id = ? FOR UPDATE""")
                .params(proposalId, buyer.accountId())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional()
                .orElseThrow(() -> new NotFoundException(Text.of("assistant.proposal.notFound", proposalId)));
        if (row.confirmedAt() != null) {
            throw new ConflictException(Text.of("assistant.proposal.confirmed", proposalId));
        }
        if (!clock.instant().isBefore(row.expiresAt())) {
            throw new ConflictException(Text.of("assistant.proposal.expired", proposalId));
        }
        return new Pending(row.id(), row.orderId(), row.reason(), row.expiresAt());
    }

    void confirmed(long proposalId, long refundId) {
        jdbc.sql("UPDATE assistant.refund_proposals SET confirmed_at = ?, refund_id = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), refundId, proposalId).update();
    }
}
