package io.mercato.assistant;

import io.mercato.search.SearchResult;
import java.util.List;
import java.util.Locale;

/**
 * AI search: a need described in the buyer's own words ("给爸爸的跑步礼物，500元以内", "a quiet laptop for a student")
 * becomes a query of the search index with the filters it implies, and each product comes with a one-line reason.
 */
public interface ShoppingGuide {

    int MAX_REQUEST = 200;

    /**
     * @throws io.mercato.platform.InvalidInputException naming {@code q} when it is blank or too long
     */
    Guidance guide(String request, Locale locale, int size);

    /**
     * @param keywords the words left for text matching once the filters were taken out
     * @param applied every filter the request was understood to ask for, in words
     * @param refinements follow-up requests that narrow the results
     */
    record Guidance(String request, String keywords, List<AppliedFilter> applied, List<Suggestion> suggestions,
            List<Refinement> refinements, long total, String engine) {

        public Guidance {
            applied = List.copyOf(applied);
            suggestions = List.copyOf(suggestions);
            refinements = List.copyOf(refinements);
        }
    }

    /** @param kind {@code category}, {@code maxPrice}, {@code minPrice}, {@code attribute} or {@code inStock} */
    record AppliedFilter(String kind, String value, String label) {
    }

    record Suggestion(SearchResult.Hit product, String reason) {
    }

    record Refinement(String label, String request) {
    }
}
