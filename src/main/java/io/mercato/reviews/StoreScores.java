package io.mercato.reviews;

/**
 * The three ratings a buyer gives the store with a review, each 1 to 5 stars, as Taobao shows them.
 *
 * @param description the item as described
 * @param service the seller's service
 * @param logistics the delivery
 */
public record StoreScores(int description, int service, int logistics) {

    /** @throws IllegalArgumentException when a rating is outside 1–5; callers check fields first to name them */
    public StoreScores {
        for (int score : new int[] {description, service, logistics}) {
            if (score < 1 || score > 5) {
                throw new IllegalArgumentException("Store ratings are 1 to 5 stars, got " + score);
            }
        }
    }
}
