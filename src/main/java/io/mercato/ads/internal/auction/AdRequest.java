package io.mercato.ads.internal.auction;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Set;

/**
 * One ad request: the products and categories relevant to it (a search's matching products and their
 * categories, or a feed viewer's interest categories), the currency the shop shows prices in, the number of ad
 * slots the operator allows on this placement, and when it was made.
 */
public record AdRequest(Placement placement, Currency currency, Set<Long> productIds, Set<Long> categoryIds,
        int slots, Instant at) {

    public AdRequest {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(at, "at");
        productIds = Set.copyOf(productIds);
        categoryIds = Set.copyOf(categoryIds);
        if (slots < 0) {
            throw new IllegalArgumentException("Ad request asks for " + slots + " slots; at least 0");
        }
    }
}
