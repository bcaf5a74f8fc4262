package io.mercato.ads.internal.auction;

import java.time.Instant;
import java.util.Optional;

/**
 * The auction among ad campaigns, and the auto-bidder that sets their bids. Thread-safe, in memory, no database:
 * the caller feeds it campaigns ({@link #upsert}), stock changes and events (clicks, conversions), persists what
 * it needs, and restores the history at start-up.
 *
 * <p>Candidates for a request are the campaigns on a requested product or in a requested category, active at the
 * request's time, in stock, in the request's currency, with budget left today, bidding at least the reserve. They
 * rank by {@code bid × pCTR × quality}; each winner pays per click the next candidate's score ÷ its own
 * {@code pCTR × quality}, rounded up to the minor unit, at least the reserve, never above its bid. An impression
 * is counted for every winner returned.
 */
public interface AdAuction {

    /** How many ranked candidates an outcome keeps to explain its charges. */
    int RANKED_KEPT = 20;

    /** Runs one auction; never null, winners possibly empty. */
    AuctionOutcome run(AdRequest request);

    /** A new or changed campaign; a paused or ended campaign is {@link #remove}d by the caller. */
    void upsert(AdCampaign campaign);

    /** Forgets a campaign (paused, ended, deleted); unknown ids are ignored. */
    void remove(long campaignId);

    /** A product came back in stock or sold out: all its campaigns follow. */
    void inStock(long productId, boolean inStock);

    /** The operator's reserve price per click on a placement, in minor units (0 = none). */
    void configure(Placement placement, long reservePriceMinor);

    /** A valid click on a campaign's ad at {@code position} of an auction on {@code placement}, charged that much. */
    void clicked(long campaignId, Placement placement, int position, long chargedMinor, Instant at);

    /** An order attributed to a click of the campaign, worth {@code gmvMinor}. */
    void converted(long campaignId, long gmvMinor, Instant at);

    /** At start-up: what a campaign already spent today and its history, from the persisted logs. */
    void restore(long campaignId, CampaignHistory history);

    /** For the seller's page and explanations: current bid, pacing and ROI factors, predicted CTR/CVR. */
    Optional<BidState> state(long campaignId);
}
