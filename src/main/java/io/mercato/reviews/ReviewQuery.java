package io.mercato.reviews;

import org.jspecify.annotations.Nullable;

/**
 * A page of a product's visible reviews.
 *
 * @param stars only reviews with this many stars, or null for all
 * @param withPictures only reviews with pictures
 * @param page from 0
 * @param size 1 to 50
 */
public record ReviewQuery(ReviewSort sort, @Nullable Integer stars, boolean withPictures, int page, int size) {

    public static ReviewQuery newest(int size) {
        return new ReviewQuery(ReviewSort.NEWEST, null, false, 0, size);
    }
}
