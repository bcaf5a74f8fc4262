package io.mercato.reviews;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a buyer writes about one line of an order.
 *
 * @param text may be blank; at most {@link Reviews#MAX_TEXT} characters after trimming
 * @param scores the store's three ratings, or null when not given
 * @param imageIds ids of pictures uploaded through {@code media}, at most {@link Reviews#MAX_PICTURES}
 */
public record ReviewDraft(long lineId, int rating, String text, @Nullable StoreScores scores, List<String> imageIds) {

    public ReviewDraft {
        imageIds = List.copyOf(imageIds);
    }
}
