package io.mercato.ads;

import org.jspecify.annotations.Nullable;

/**
 * A sponsored tile: the advertised product, its slot, and the signed link that counts the click. Always shown
 * marked as an ad.
 */
public record SponsoredAd(long auctionId, long campaignId, long productId, long storeId, String title,
        @Nullable String image, long priceMinor, String currency, int position, String clickUrl, boolean sponsored) {
}
