package io.mercato.ads.internal.auction;

import java.time.LocalDate;

/**
 * How the engine bids for a campaign now, for the seller's page and for explanations: the bid per click
 * (minor units) and the parts it is made of ({@code bid = pcvr × orderValue ÷ targetRoi × planFactor × pacing ×
 * roiFactor}, capped; {@code pcvr} is the predicted conversion rate per click at the current hour of day,
 * {@code planFactor} the day's level planned from yesterday's bid landscape, 1 without a plan), the predicted
 * click-through rates per placement at the top position, today's spend and the ROI achieved so far.
 */
public record BidState(long campaignId, long bidMinor, double pcvr, long orderValueMinor, double targetRoi,
        double pacingFactor, double roiFactor, double pctrSearch, double pctrFeed, LocalDate day,
        long spentTodayMinor, long dailyBudgetMinor, long impressions, long clicks, long conversions,
        long spendMinor, long gmvMinor, double planFactor) {

    /** GMV attributed ÷ spend over the engine's history of the campaign; 0 before any spend. */
    public double achievedRoi() {
        return spendMinor == 0 ? 0 : (double) gmvMinor / spendMinor;
    }
}
