package io.mercato.search;

/** Orders of search results; ties go to the newer product. */
public enum SearchSort {
    /** Text score blended with sales, rating and store quality (see docs/architecture.md, "Search ranking"). */
    RELEVANCE,
    /** Most units sold first. */
    SALES,
    /** Lowest price first (a product's price is its cheapest SKU's). */
    PRICE_ASC,
    PRICE_DESC,
    NEWEST
}
