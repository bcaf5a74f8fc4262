package io.mercato.search.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relevance blend, tunable without code:
 *
 * <pre>
 * score = text × (1 + salesWeight × ln(1 + unitsSold))
 *              × (1 + ratingWeight × (rating − 0.5))
 *              × (1 + storeWeight × (storeQuality − 0.5))
 *              × (soldOutFactor when nothing is available, else 1)
 * </pre>
 *
 * where {@code text} is Lucene's BM25 score (title words count twice: once in the all-text field, once in the
 * title field). Rating and store quality are in [0, 1]; until reviews and store scores exist they are the
 * neutral 0.5 ({@code defaultRating}, {@code defaultStoreQuality}), so today they leave the score unchanged.
 */
@ConfigurationProperties("mercato.search.ranking")
record SearchProperties(@DefaultValue("0.12") double salesWeight, @DefaultValue("0.2") double ratingWeight,
        @DefaultValue("0.2") double storeWeight, @DefaultValue("0.3") double soldOutFactor,
        @DefaultValue("0.5") double defaultRating, @DefaultValue("0.5") double defaultStoreQuality) {
}
