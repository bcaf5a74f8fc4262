package io.mercato.reviews;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One buyer's review of one order line's product.
 *
 * @param storeId the store that sold it; 0 for reviews written before reviews named their store
 * @param scores the store's three ratings given with the review; null for reviews written before they were asked
 * @param images the pictures' URLs in the medium size, in the order the buyer gave them
 * @param followUp the buyer's one follow-up, or null
 * @param reply the seller's one reply, or null
 * @param hidden whether an operator hid it; hidden reviews are left out of every average and public list
 */
public record Review(long id, long buyerAccountId, long orderId, long orderLineId, long productId, long skuId,
        long storeId, int rating, String text, @Nullable StoreScores scores, List<String> images,
        @Nullable String followUp, @Nullable Instant followUpAt, @Nullable String reply, @Nullable Instant replyAt,
        boolean hidden, Instant createdAt) {

    public Review {
        images = List.copyOf(images);
    }

    /** Whether the buyer added pictures. */
    public boolean hasPictures() {
        return !images.isEmpty();
    }
}
