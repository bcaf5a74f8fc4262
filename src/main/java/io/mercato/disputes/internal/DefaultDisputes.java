package io.mercato.disputes.internal;

import io.mercato.disputes.Dispute;
import io.mercato.disputes.Dispute.Outcome;
import io.mercato.disputes.Dispute.Status;
import io.mercato.disputes.Disputes;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.Refund;
import io.mercato.ordering.RefundDesk;
import io.mercato.ordering.RefundDesk.RefundItem;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes on the {@code disputes.disputes} table. The decision locks the dispute row, then ordering locks the order:
 * always in that order, so two operators deciding at once queue on the dispute and the second finds it decided.
 */
@Service
class DefaultDisputes implements Disputes {

    static final int MAX_STATEMENT = 2_000;

    private static final String COLUMNS = """
            id, refund_id, order_id, buyer_id, seller_id, store_id, currency, claimed_minor, status, buyer_statement,
            seller_statement, opened_at, outcome, refunded_minor, paid_refund_id, decision_note, decided_at""";

    private final JdbcClient jdbc;
    private final OrderLifecycle lifecycle;
    private final RefundDesk refunds;
    private final Clock clock;

    DefaultDisputes(JdbcClient jdbc, OrderLifecycle lifecycle, RefundDesk refunds, Clock clock) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.refunds = refunds;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Dispute open(Actor buyer, long orderId, long refundId, String statement) {
        buyer.require(Role.BUYER);
        String text = statement("statement", statement);
        OrderView order = lifecycle.order(buyer, orderId);
        if (order.buyerAccountId() != buyer.accountId()) {
            throw new io.mercato.platform.ForbiddenException(Text.of("dispute.notYours"));
        }
        Refund refund = order.refunds().stream().filter(r -> r.id() == refundId).findFirst()
                .orElseThrow(() -> new NotFoundException(Text.of("dispute.refund.notFound", String.valueOf(refundId))));
        if (refund.status() != Refund.RefundStatus.REJECTED) {
            throw new ConflictException(Text.of("dispute.refund.notRejected", String.valueOf(refundId)));
        }
        jdbc.sql("""
                INSERT INTO disputes.disputes (refund_id, order_id, buyer_id, seller_id, store_id, currency,
                    claimed_minor, status, buyer_statement, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) ON CONFLICT (refund_id) DO NOTHING""")
                .params(refundId, orderId, order.buyerAccountId(), order.sellerAccountId(), order.storeId(),
                        order.currency(), refund.amountMinor(), text, Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM disputes.disputes WHERE refund_id = ?").param(refundId)
                .query((rs, n) -> dispute(rs)).single();
    }

    @Override
    @Transactional
    public Dispute state(Actor party, long disputeId, String statement) {
        String text = statement("statement", statement);
        Dispute dispute = locked(party, disputeId);
        if (dispute.status() != Status.OPEN) {
            throw new ConflictException(Text.of("dispute.decided", String.valueOf(disputeId)));
        }
        String column = switch (party.role()) {
            case BUYER -> "buyer_statement";
            case SELLER -> "seller_statement";
            default -> throw new io.mercato.platform.ForbiddenException(Text.of("dispute.partiesOnly"));
        };
        jdbc.sql("UPDATE disputes.disputes SET " + column + " = ? WHERE id = ?").params(text, disputeId).update();
        return get(party, disputeId);
    }

    @Override
    @Transactional
    public Dispute decide(Actor operator, long disputeId, Outcome outcome, @Nullable List<RefundItem> items,
            @Nullable String note) {
        operator.require(Role.OPERATOR);
        Dispute dispute = locked(operator, disputeId);
        if (dispute.status() == Status.DECIDED) {
            if (dispute.outcome() == outcome) {
                return dispute;
            }
            throw new ConflictException(Text.of("dispute.decided", String.valueOf(disputeId)));
        }
        String why = note == null || note.isBlank() ? null : statement("note", note);
        Long paidRefund = null;
        long refunded = 0;
        if (outcome != Outcome.NONE) {
            if (outcome == Outcome.PARTIAL && (items == null || items.isEmpty())) {
                throw new InvalidInputException("items", Text.of("dispute.items.required"));
            }
            Refund paid = refunds.refundAfterDispute(operator, dispute.refundId(),
                    outcome == Outcome.FULL ? null : items, why == null ? "dispute " + disputeId : why);
            paidRefund = paid.id();
            refunded = paid.amountMinor();
        }
        jdbc.sql("""
                UPDATE disputes.disputes SET status = 'DECIDED', outcome = :outcome, refunded_minor = :refunded,
                    paid_refund_id = :paid, decision_note = :note, decided_by = :by, decided_at = :at WHERE id = :id""")
                .param("outcome", outcome.name()).param("refunded", refunded).param("paid", paidRefund, Types.BIGINT)
                .param("note", why, Types.VARCHAR).param("by", operator.accountId())
                .param("at", Timestamp.from(clock.instant())).param("id", disputeId)
                .update();
        return get(operator, disputeId);
    }

    @Override
    public Dispute get(Actor actor, long disputeId) {
        Dispute dispute = jdbc.sql("SELECT " + COLUMNS + " FROM disputes.disputes WHERE id = ?").param(disputeId)
                .query((rs, n) -> dispute(rs)).optional()
                .orElseThrow(() -> notFound(disputeId));
        requireSees(actor, dispute);
        return dispute;
    }

    @Override
    public List<Dispute> list(Actor actor, Dispute.@Nullable Status status) {
        String who = switch (actor.role()) {
            case BUYER -> "buyer_id = :me";
            case SELLER -> "seller_id = :me";
            case OPERATOR -> "TRUE";
            case SYSTEM -> throw new io.mercato.platform.ForbiddenException(Text.of("dispute.partiesOnly"));
        };
        return jdbc.sql("SELECT " + COLUMNS + " FROM disputes.disputes WHERE " + who
                        + " AND (CAST(:status AS TEXT) IS NULL OR status = :status) ORDER BY id DESC LIMIT 200")
                .param("me", actor.accountId()).param("status", status == null ? null : status.name(), Types.VARCHAR)
                .query((rs, n) -> dispute(rs)).list();
    }

    private Dispute locked(Actor actor, long disputeId) {
        Dispute dispute = jdbc.sql("SELECT " + COLUMNS + " FROM disputes.disputes WHERE id = ? FOR UPDATE")
                .param(disputeId).query((rs, n) -> dispute(rs)).optional()
                .orElseThrow(() -> notFound(disputeId));
        requireSees(actor, dispute);
        return dispute;
    }

    /** Someone else's dispute is answered as missing, so that its existence tells nothing. */
    private static void requireSees(Actor actor, Dispute dispute) {
        boolean sees = switch (actor.role()) {
            case BUYER -> dispute.buyerId() == actor.accountId();
            case SELLER -> dispute.sellerId() == actor.accountId();
            case OPERATOR -> true;
            case SYSTEM -> false;
        };
        if (!sees) {
            throw notFound(dispute.id());
        }
    }

    private static NotFoundException notFound(long disputeId) {
        return new NotFoundException(Text.of("dispute.notFound", String.valueOf(disputeId)));
    }

    private static String statement(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, Text.of("dispute.statement.blank"));
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_STATEMENT) {
            throw new InvalidInputException(field, Text.of("dispute.statement.long", MAX_STATEMENT));
        }
        return stripped;
    }

    private static Dispute dispute(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        String outcome = rs.getString("outcome");
        return new Dispute(rs.getLong("id"), rs.getLong("refund_id"), rs.getLong("order_id"), rs.getLong("buyer_id"),
                rs.getLong("seller_id"), rs.getLong("store_id"), rs.getString("currency"), rs.getLong("claimed_minor"),
                Status.valueOf(rs.getString("status")), rs.getString("buyer_statement"),
                rs.getString("seller_statement"), rs.getTimestamp("opened_at").toInstant(),
                outcome == null ? null : Outcome.valueOf(outcome), rs.getObject("refunded_minor", Long.class),
                rs.getObject("paid_refund_id", Long.class), rs.getString("decision_note"),
                decided == null ? null : decided.toInstant());
    }
}
