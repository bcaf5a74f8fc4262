package io.mercato.reviews;

import io.mercato.platform.Actor;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reviews of products bought. A buyer reviews a line of one of their own orders once it is delivered or completed,
 * once per line, with stars, text, pictures and the store's three ratings; posting publishes {@link ReviewPosted} in
 * the same transaction. The buyer may add one follow-up, the store's seller one reply; an operator hides abusive
 * reviews, which leaves them out of every average and public list.
 */
public interface Reviews {

    /** The longest review, follow-up or reply text, in characters. */
    int MAX_TEXT = 1000;

    /** The most pictures one review carries. */
    int MAX_PICTURES = 6;

    /** As {@link #post(Actor, long, ReviewDraft)} without store ratings or pictures. */
    Review post(Actor buyer, long orderId, long lineId, int rating, String text);

    /**
     * @throws io.mercato.platform.InvalidInputException naming {@code rating} (not 1–5), {@code text} (too long),
     *         {@code description}, {@code service} or {@code logistics} (not 1–5), {@code images} (too many, or an
     *         id that is no uploaded picture) or {@code lineId} (not a line of the order)
     * @throws io.mercato.platform.ForbiddenException when the order is not the buyer's, or the actor is no buyer
     * @throws io.mercato.platform.NotFoundException when there is no such order
     * @throws io.mercato.platform.ConflictException when the order is not delivered or completed yet, or the line was
     *         reviewed before
     */
    Review post(Actor buyer, long orderId, ReviewDraft draft);

    /**
     * The buyer's one follow-up to their own review.
     *
     * @throws io.mercato.platform.InvalidInputException naming {@code text} when blank or too long
     * @throws io.mercato.platform.NotFoundException when there is no such review of this buyer's
     * @throws io.mercato.platform.ConflictException when the review has a follow-up already
     */
    Review followUp(Actor buyer, long reviewId, String text);

    /**
     * The store's one reply to a review, by a seller who manages the store.
     *
     * @throws io.mercato.platform.InvalidInputException naming {@code text} when blank or too long
     * @throws io.mercato.platform.NotFoundException when there is no such review of a store the seller manages
     * @throws io.mercato.platform.ConflictException when the review has a reply already
     */
    Review reply(Actor seller, long reviewId, String text);

    /**
     * Hides an abusive review (operators only); hiding a hidden review again changes nothing.
     *
     * @throws io.mercato.platform.InvalidInputException naming {@code reason} when blank or over 500 characters
     * @throws io.mercato.platform.NotFoundException when there is no such review
     */
    Review hide(Actor operator, long reviewId, String reason);

    /** Shows a hidden review again (operators only). */
    Review unhide(Actor operator, long reviewId);

    /** The reviews of an order, for its buyer, its seller or an operator; hidden ones included and marked. */
    List<Review> ofOrder(Actor actor, long orderId);

    /** The product's rating and its {@code limit} newest visible reviews (public). */
    ProductRating ofProduct(long productId, int limit);

    /**
     * A page of the product's visible reviews, sorted and filtered (public).
     *
     * @throws io.mercato.platform.InvalidInputException naming {@code stars}, {@code page} or {@code size}
     */
    ReviewPage ofProduct(long productId, ReviewQuery query);

    /** The store's three ratings over its visible reviews (public). */
    StoreRating ofStore(long storeId);

    /** The ratings of several stores at once, every id answered (unrated stores with {@link StoreRating#none}). */
    Map<Long, StoreRating> ofStores(Collection<Long> storeIds);

    /**
     * The reviews of a store, newest first, hidden ones included and marked, for its seller or an operator.
     *
     * @param unansweredOnly only reviews without a reply
     * @throws io.mercato.platform.ForbiddenException when the seller does not manage the store
     */
    ReviewPage forStore(Actor actor, long storeId, boolean unansweredOnly, int page, int size);

    /**
     * Every review, newest first, for the operator's moderation.
     *
     * @param hiddenOnly only hidden reviews
     * @param maxStars only reviews with at most this many stars, or 0 for all
     */
    ReviewPage forModeration(Actor operator, boolean hiddenOnly, int maxStars, int page, int size);
}
