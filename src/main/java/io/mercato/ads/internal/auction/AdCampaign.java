package io.mercato.ads.internal.auction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as the auction sees it: one product of one store, in stock or not, active from {@code startsAt}
 * (inclusive) until {@code endsAt} (exclusive, none = open-ended). Budget and order value are in minor units of
 * {@code currency}; {@code targetRoi} is the GMV the seller wants per unit of ad spend.
 */
public record AdCampaign(long campaignId, long sellerId, long storeId, long productId, long categoryId,
        Currency currency, long dailyBudgetMinor, BigDecimal targetRoi, long expectedOrderValueMinor,
        boolean inStock, Instant startsAt, @Nullable Instant endsAt) {

    public AdCampaign {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(targetRoi, "targetRoi");
        Objects.requireNonNull(startsAt, "startsAt");
        if (campaignId <= 0 || sellerId <= 0 || storeId <= 0 || productId <= 0 || categoryId <= 0) {
            throw new IllegalArgumentException("Campaign " + campaignId + ": ids must be positive (seller " + sellerId
                    + ", store " + storeId + ", product " + productId + ", category " + categoryId + ")");
        }
        if (dailyBudgetMinor <= 0) {
            throw new IllegalArgumentException("Campaign " + campaignId + ": daily budget " + dailyBudgetMinor
                    + " must be positive");
        }
        if (targetRoi.signum() <= 0) {
            throw new IllegalArgumentException("Campaign " + campaignId + ": target ROI " + targetRoi
                    + " must be positive");
        }
        if (expectedOrderValueMinor <= 0) {
            throw new IllegalArgumentException("Campaign " + campaignId + ": expected order value "
                    + expectedOrderValueMinor + " must be positive; maybe use the product's price?");
        }
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("Campaign " + campaignId + ": ends at " + endsAt
                    + ", not after its start " + startsAt);
        }
    }

    /** Whether the campaign runs at {@code at}: from its start (inclusive) to its end (exclusive). */
    public boolean activeAt(Instant at) {
        return !at.isBefore(startsAt) && (endsAt == null || at.isBefore(endsAt));
    }

    public AdCampaign withInStock(boolean stock) {
        return new AdCampaign(campaignId, sellerId, storeId, productId, categoryId, currency, dailyBudgetMinor,
                targetRoi, expectedOrderValueMinor, stock, startsAt, endsAt);
    }
}
