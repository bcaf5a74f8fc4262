package io.mercato.assistant;

import io.mercato.platform.Actor;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The buyers' customer-service assistant. Every tool it calls runs as the asking buyer and is checked by the module
 * that owns the data, so no wording of a question can reach another buyer's orders: an order that is not the
 * asker's is answered exactly like one that does not exist.
 */
public interface CustomerService {

    int MAX_QUESTION = 500;

    /**
     * Answers a buyer's question in {@code locale}'s language. A refund is only proposed: see {@link #confirmRefund}.
     *
     * @throws io.mercato.platform.ForbiddenException when the actor is not a buyer
     * @throws io.mercato.platform.InvalidInputException naming {@code question} when it is blank or too long
     */
    Answer ask(Actor buyer, String question, @Nullable Long orderId, Locale locale);

    /**
     * The buyer confirms a refund the assistant proposed: the request goes to the order's refund desk as the buyer.
     *
     * @throws io.mercato.platform.NotFoundException when the proposal is not the buyer's
     * @throws io.mercato.platform.ConflictException when it was confirmed already or has expired, or the order can no
     *     longer be refunded
     */
    Answer confirmRefund(Actor buyer, long proposalId, Locale locale);

    /** Questions handed over to the seller's stores (an operator's: all), newest first. */
    List<Handover> handovers(Actor seller, int limit);

    record Handover(long id, long buyerAccountId, @Nullable Long storeId, @Nullable Long orderId, String question,
            java.time.Instant handedAt) {
    }
}
