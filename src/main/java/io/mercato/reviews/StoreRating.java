package io.mercato.reviews;

/**
 * A store's three ratings, averaged over its visible reviews that gave them; each average is times ten, rounded
 * half-up (48 is 4.8), and 0 while {@code count} is 0.
 *
 * @param count the visible reviews that rated the store
 */
public record StoreRating(long storeId, long count, int descriptionTenths, int serviceTenths, int logisticsTenths) {

    public static StoreRating none(long storeId) {
        return new StoreRating(storeId, 0, 0, 0, 0);
    }

    public boolean rated() {
        return count > 0;
    }
}
