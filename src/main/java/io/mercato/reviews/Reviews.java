package io.mercato.reviews;

import io.mercato.platform.Actor;
import java.util.List;

/**
 * Reviews of products bought. A buyer reviews a line of one of their own orders once it is delivered or completed,
 * once per line; posting publishes {@link ReviewPosted} in the same transaction.
 */
public interface Reviews {

    /** The longest review text, in characters. */
    int MAX_TEXT = 1000;

    /**
     * @throws io.mercato.platform.InvalidInputException naming {@code rating} (not 1–5), {@code text} (too long) or
     *         {@code lineId} (not a line of the order)
     * @throws io.mercato.platform.ForbiddenException when the order is not the buyer's, or the actor is no buyer
     * @throws io.mercato.platform.NotFoundException when there is no such order
     * @throws io.mercato.platform.ConflictException when the order is not delivered or completed yet, or the line was
     *         reviewed before
     */
    Review post(Actor buyer, long orderId, long lineId, int rating, String text);

    /** The reviews of an order, for its buyer, its seller or an operator. */
    List<Review> ofOrder(Actor actor, long orderId);

    /** The product's rating and its {@code limit} newest reviews (public). */
    ProductRating ofProduct(long productId, int limit);
}
