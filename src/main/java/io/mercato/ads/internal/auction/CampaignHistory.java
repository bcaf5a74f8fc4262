package io.mercato.ads.internal.auction;

import java.time.LocalDate;

/**
 * What the persisted logs say about a campaign, given to the engine at start-up: what it spent on {@code day}
 * (the engine's today, in its zone), and its counts and money over the history the caller chooses (the last
 * 30 days, say), from which the engine learns its click and conversion rates and its achieved ROI.
 */
public record CampaignHistory(LocalDate day, long spentTodayMinor, long impressions, long clicks,
        long conversions, long spendMinor, long gmvMinor) {

    public CampaignHistory {
        if (spentTodayMinor < 0 || impressions < 0 || clicks < 0 || conversions < 0 || spendMinor < 0
                || gmvMinor < 0) {
            throw new IllegalArgumentException("Campaign history counts must not be negative: spent today "
                    + spentTodayMinor + ", impressions " + impressions + ", clicks " + clicks + ", conversions "
                    + conversions + ", spend " + spendMinor + ", gmv " + gmvMinor);
        }
    }
}
