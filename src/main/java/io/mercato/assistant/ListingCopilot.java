package io.mercato.assistant;

import io.mercato.platform.Actor;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Drafts a listing for a seller from a few facts, in Chinese and English, and suggests a price from comparables. */
public interface ListingCopilot {

    /**
     * @throws io.mercato.platform.ForbiddenException when the actor is not a seller or operator
     * @throws io.mercato.platform.InvalidInputException naming the missing or bad fact
     */
    ListingDraft draft(Actor seller, ListingFacts facts);

    /**
     * @param product what is sold, a few words ("running shoes")
     * @param facts short facts ("breathable", "size 42"), at most 10
     * @param attributes attribute names and values the SKUs will carry ({@code color: red})
     * @param imageUrl a picture of the product, shown with the draft
     * @param categoryId the category it will be listed in, for comparable listings
     */
    record ListingFacts(String product, @Nullable String brand, List<String> facts, Map<String, String> attributes,
            @Nullable String imageUrl, @Nullable Long categoryId) {

        public ListingFacts {
            facts = facts == null ? List.of() : List.copyOf(facts);
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }
    }

    /** A draft in both languages and the price suggested (null when no comparable listing was found). */
    record ListingDraft(Language en, Language zh, Map<String, String> attributes, @Nullable String imageUrl,
            @Nullable PriceSuggestion price, String engine) {
    }

    record Language(String title, String description, List<String> bullets) {
    }

    /**
     * @param comparables how many listed products the figures come from
     * @param lowMinor the lower quartile of their prices
     * @param highMinor the upper quartile
     */
    record PriceSuggestion(long suggestedMinor, long lowMinor, long highMinor, String currency, int comparables,
            List<Long> comparableProductIds) {
    }
}
