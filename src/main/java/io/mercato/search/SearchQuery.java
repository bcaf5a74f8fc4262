package io.mercato.search;

import io.mercato.merchant.StoreKind;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a shopper asks for. Blank text matches every product that passes the filters.
 *
 * @param categoryId products of this category or any category below it
 * @param storeId products of this store only (search within a shop)
 * @param brandIds any of these brands (empty: all)
 * @param storeKinds any of these store kinds (empty: all)
 * @param minPriceMinor lowest price, inclusive, in minor units; a product's price is its cheapest SKU's
 * @param attributes SKU attributes: a product matches when some SKU has one of the listed values, for every attribute named
 * @param page zero-based
 * @param facets whether to count facets over all matches
 */
public record SearchQuery(@Nullable String text, @Nullable Long categoryId, @Nullable Long storeId, Set<Long> brandIds, Set<StoreKind> storeKinds,
        @Nullable Long minPriceMinor, @Nullable Long maxPriceMinor, boolean inStockOnly,
        Map<String, List<String>> attributes, SearchSort sort, int page, int size, boolean facets) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_SIZE = 100;
    /** Results further down than this are not paged through; a narrower query finds them. */
    public static final int MAX_WINDOW = 10_000;

    public SearchQuery {
        brandIds = Set.copyOf(brandIds);
        storeKinds = Set.copyOf(storeKinds);
        attributes = Map.copyOf(attributes);
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException("q", Text.of("search.queryMayHaveMostCharacters", MAX_TEXT, text.length()));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", Text.of("search.pageSizeMustBetweenGot", MAX_SIZE, size));
        }
        if (page < 0) {
            throw new InvalidInputException("page", Text.of("search.pageMustMoreGot", page));
        }
        if ((long) (page + 1) * size > MAX_WINDOW) {
            throw new InvalidInputException("page", Text.of("search.onlyFirstResultsCanPaged", MAX_WINDOW, page, size));
        }
        if (minPriceMinor != null && minPriceMinor < 0) {
            throw new InvalidInputException("minPrice", Text.of("search.minimumPriceMustMoreGot", minPriceMinor));
        }
        if (maxPriceMinor != null && maxPriceMinor < 0) {
            throw new InvalidInputException("maxPrice", Text.of("search.maximumPriceMustMoreGot", maxPriceMinor));
        }
        if (minPriceMinor != null && maxPriceMinor != null && minPriceMinor > maxPriceMinor) {
            throw new InvalidInputException("minPrice", Text.of("search.minimumPriceAboveMaximumPrice", minPriceMinor, maxPriceMinor));
        }
        if (brandIds.size() > 50) {
            throw new InvalidInputException("brand", Text.of("search.mostBrandsPerQueryGot", brandIds.size()));
        }
        if (attributes.size() > 10 || attributes.values().stream().anyMatch(values -> values.isEmpty() || values.size() > 20)) {
            throw new InvalidInputException("attr", Text.of("search.mostAttributesValuesEach"));
        }
    }

    /** A plain text query: first page of 20 by relevance, with facets. */
    public static SearchQuery text(@Nullable String text) {
        return new SearchQuery(text, null, null, Set.of(), Set.of(), null, null, false, Map.of(), SearchSort.RELEVANCE, 0, 20, true);
    }
}
