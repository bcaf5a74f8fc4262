package io.mercato.search;

import io.mercato.merchant.StoreKind;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A page of matches.
 *
 * @param total all matches; exact when {@code totalExact}, else a lower bound (more than 1000 matches and
 *     no facets asked for: counting every match would only slow the answer)
 * @param didYouMean the query with misspelt words corrected, when some word matched nothing as typed
 * @param facets counts over all matches, or null when not asked for
 */
public record SearchResult(long total, boolean totalExact, int page, int size, List<Hit> hits, @Nullable String didYouMean,
        @Nullable Facets facets, long tookMicros) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    /**
     * @param highlightedTitle the title, HTML-escaped, with matched words in {@code <em>}
     * @param priceMinor the cheapest SKU's price
     */
    public record Hit(long productId, String title, String highlightedTitle, long storeId, StoreKind storeKind,
            long categoryId, @Nullable Long brandId, @Nullable String brand, long priceMinor, String currency,
            boolean inStock, long sales, @Nullable String image, float score) {
    }

    /**
     * @param categories the sub-categories of the filtered category (or the roots), with matches below each
     * @param categoryPath the filtered category and its ancestors, root first
     */
    public record Facets(List<CategoryCount> categoryPath, List<CategoryCount> categories, List<Count> brands,
            List<Count> storeKinds, List<PriceRange> prices, long inStock, Map<String, List<Count>> attributes) {
    }

    public record CategoryCount(long id, String name, long count) {
    }

    /** @param id the brand id, or null for values that have none */
    public record Count(@Nullable Long id, String value, long count) {
    }

    /** @param maxMinor exclusive; null for the open top range */
    public record PriceRange(long minMinor, @Nullable Long maxMinor, long count) {
    }
}
