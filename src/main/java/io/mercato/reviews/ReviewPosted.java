package io.mercato.reviews;

/** A buyer posted a review (membership awards points for it). */
public record ReviewPosted(long reviewId, long buyerAccountId, long productId, long orderId) {
}
