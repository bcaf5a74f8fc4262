package io.mercato.reviews;

import java.util.List;

/**
 * What a product page shows of its reviews, hidden reviews left out.
 *
 * @param averageTenths the average rating times ten, rounded half-up (43 is 4.3); 0 without reviews
 * @param latest the newest reviews, newest first
 * @param withPictures how many reviews carry pictures
 * @param byStars how many reviews gave 1, 2, 3, 4 and 5 stars (five numbers, one star first)
 */
public record ProductRating(long productId, long count, int averageTenths, List<Review> latest, long withPictures,
        List<Long> byStars) {

    public ProductRating {
        latest = List.copyOf(latest);
        byStars = List.copyOf(byStars);
    }
}
