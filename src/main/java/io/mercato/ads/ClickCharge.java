package io.mercato.ads;

import java.time.Instant;
import java.util.List;

/**
 * One click on a sponsored tile and what it cost.
 *
 * @param outcome CHARGED, or why it was not: REPEATED (the same viewer clicked this campaign's ad moments ago),
 *     OVER_BUDGET (the day's budget was spent), NO_FUNDS (the ad account could not cover it), ENDED (the campaign
 *     was paused or over)
 * @param priceMinor the generalised second price the auction set for the slot
 */
public record ClickCharge(long clickId, long auctionId, long campaignId, long productId, int position, long priceMinor,
        long chargedMinor, String currency, String outcome, Instant at) {

    /**
     * @param ranked every candidate of the auction with its score, best first; the winners are those with a position
     */
    public record Explanation(ClickCharge click, String placement, Instant auctionAt, long reserveMinor,
            List<Candidate> ranked) {

        public Explanation {
            ranked = List.copyOf(ranked);
        }
    }

    /**
     * A candidate of an auction. Other sellers' campaigns are shown by score only: their ids are not disclosed.
     *
     * @param campaignId this campaign's id, or 0 for a competitor
     * @param position the slot won, or 0 when it did not win
     */
    public record Candidate(long campaignId, boolean self, int position, long bidMinor, double pctr, double quality,
            double score, long priceMinor) {
    }
}
