package io.mercato.ads.internal.auction;

import java.time.Instant;
import java.util.List;

/**
 * What an auction decided: its id (unique across restarts), the reserve price per click in force, the winners
 * in slot order, and the eligible candidates ranked best first (at most {@link AdAuction#RANKED_KEPT}), which
 * explain each charge: a winner's price is the score of the candidate ranked after it.
 */
public record AuctionOutcome(long auctionId, Placement placement, Instant at, long reservePriceMinor,
        List<AdWin> winners, List<AdBid> ranked) {

    public AuctionOutcome {
        winners = List.copyOf(winners);
        ranked = List.copyOf(ranked);
    }
}
