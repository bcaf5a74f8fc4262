package io.mercato.search.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relevance blend, tunable without code ({@code mercato.search.ranking.*}):
 *
 * <pre>
 * score = BM25(text: title twice, brand, category names, attribute values)
 *       + salesWeight × ln(2 + unitsSold)
 *       + inStockBoost                         (when some SKU is available)
 *       + ratingWeight × (rating − 0.5) + storeWeight × (storeQuality − 0.5)
 * </pre>
 *
 * Every part is additive so that Lucene can still skip documents that cannot reach the top (block-max
 * WAND). A title match typically scores 2 to 10, so the defaults let a best-seller (20,000 units: about 3)
 * overtake a slightly better text match but not an unrelated one. Rating and store quality are in [0, 1]; until
 * reviews and store scores exist they are the neutral 0.5 ({@code defaultRating}, {@code defaultStoreQuality}),
 * so today those terms are zero.
 */
@ConfigurationProperties("mercato.search.ranking")
record SearchProperties(@DefaultValue("0.3") double salesWeight, @DefaultValue("1.0") double inStockBoost,
        @DefaultValue("1.0") double ratingWeight, @DefaultValue("1.0") double storeWeight,
        @DefaultValue("0.5") double defaultRating, @DefaultValue("0.5") double defaultStoreQuality) {
}
