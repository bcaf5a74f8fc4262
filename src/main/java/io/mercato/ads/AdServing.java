package io.mercato.ads;

import io.mercato.platform.Actor;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sponsored tiles for the shop: runs an auction for the slots of a search page or of the home feed and answers the
 * winners with signed click links. Never more tiles than the operator's slots for the placement.
 */
public interface AdServing {

    /**
     * Ads for a search: relevant to the products the search matched and their categories.
     *
     * @param viewer who sees the page: {@code b<account id>} for a signed-in buyer, {@code v<visitor id>} otherwise
     */
    List<SponsoredAd> forSearch(Set<Long> matchedProductIds, Set<Long> categoryIds, String viewer);

    /** Ads for the home feed: the viewer's interests (categories of products bought lately), else popular categories. */
    List<SponsoredAd> forFeed(@Nullable Long buyerAccountId, String viewer);

    /**
     * Follows a click link: checks its signature and expiry, counts and charges a valid first click, and says where
     * to go. Never throws for a bad link; the outcome says what was wrong.
     */
    ClickOutcome click(ClickLink link, @Nullable Long buyerAccountId);

    /** The operator's settings per placement. */
    List<PlacementSettings> placements();

    /**
     * @throws io.mercato.platform.InvalidInputException naming {@code slots} (0..10) or {@code reserveMinor} (1..100000)
     */
    PlacementSettings configure(Actor operator, AdSlot slot, int slots, long reserveMinor);

    /** A signed click link's parameters as they arrived; any may be missing or malformed. */
    record ClickLink(@Nullable String auction, @Nullable String campaign, @Nullable String position,
            @Nullable String price, @Nullable String viewer, @Nullable String expires, @Nullable String signature) {
    }

    /**
     * @param productId where to send the viewer, or null when the link was not ours
     * @param result CHARGED, FREE (counted without charge: a repeat, a spent budget or ad account, an ended campaign),
     *     REPLAYED, EXPIRED, INVALID
     */
    record ClickOutcome(String result, @Nullable Long productId) {
    }

    record PlacementSettings(AdSlot placement, int slots, long reserveMinor) {
    }
}
