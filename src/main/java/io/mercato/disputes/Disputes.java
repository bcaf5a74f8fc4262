package io.mercato.disputes;

import io.mercato.ordering.RefundDesk.RefundItem;
import io.mercato.platform.Actor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Buyer–seller disputes over rejected returns. Only the dispute's buyer, its seller and operators see a dispute; the
 * decision is made once, and the money it awards moves through ordering's refund path in the same transaction.
 */
public interface Disputes {

    /**
     * The buyer escalates a return the seller rejected on one of the buyer's orders; asking again for the same refund
     * answers the dispute already open.
     *
     * @throws io.mercato.platform.ForbiddenException when the order is not the actor's
     * @throws io.mercato.platform.ConflictException when the refund was not rejected
     * @throws io.mercato.platform.InvalidInputException naming {@code statement} when it is blank or too long
     */
    Dispute open(Actor buyer, long orderId, long refundId, String statement);

    /**
     * The buyer or the seller states (or restates) their case while the dispute is open.
     *
     * @throws io.mercato.platform.ConflictException once decided
     */
    Dispute state(Actor party, long disputeId, String statement);

    /**
     * The operator decides. {@code items} names the units refunded for {@link Dispute.Outcome#PARTIAL} and is ignored
     * otherwise. Deciding again with the same outcome answers the decision already made; a different one is refused.
     *
     * @throws io.mercato.platform.ConflictException when it was decided otherwise
     */
    Dispute decide(Actor operator, long disputeId, Dispute.Outcome outcome, @Nullable List<RefundItem> items,
            @Nullable String note);

    /** @throws io.mercato.platform.NotFoundException when there is none, or it is someone else's */
    Dispute get(Actor actor, long disputeId);

    /** The actor's disputes (all for operators, narrowed to a status when given), newest first, at most 200. */
    List<Dispute> list(Actor actor, Dispute.@Nullable Status status);
}
