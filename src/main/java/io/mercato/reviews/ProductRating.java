package io.mercato.reviews;

import java.util.List;

/**
 * What a product page shows of its reviews.
 *
 * @param averageTenths the average rating times ten, rounded half-up (43 is 4.3); 0 without reviews
 * @param latest the newest reviews, newest first
 */
public record ProductRating(long productId, long count, int averageTenths, List<Review> latest) {

    public ProductRating {
        latest = List.copyOf(latest);
    }
}
