package io.mercato.search.internal;

import org.apache.lucene.document.FeatureField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * The non-text part of the relevance blend (see {@link SearchProperties}): rank features added to the text
 * score as optional clauses. Being additive with known maxima, they keep Lucene's top-k skipping working.
 */
final class RankingBoost {

    private final SearchProperties ranking;
    private final float constant;

    RankingBoost(SearchProperties ranking) {
        this.ranking = ranking;
        this.constant = (float) (ranking.ratingWeight() * (ranking.defaultRating() - 0.5)
                + ranking.storeWeight() * (ranking.defaultStoreQuality() - 0.5));
    }

    Query rank(Query match) {
        BooleanQuery.Builder ranked = new BooleanQuery.Builder().add(match, Occur.MUST);
        if (ranking.salesWeight() > 0) {
            // log(1 + sales): FeatureField stores 1 + units sold, and the log query scores weight × ln(scaling + value).
            ranked.add(FeatureField.newLogQuery(ProductDocuments.FEATURES, ProductDocuments.SALES_FEATURE,
                    (float) ranking.salesWeight(), 1f), Occur.SHOULD);
        }
        if (ranking.inStockBoost() > 0) {
            ranked.add(FeatureField.newLinearQuery(ProductDocuments.FEATURES, ProductDocuments.IN_STOCK_FEATURE,
                    (float) ranking.inStockBoost()), Occur.SHOULD);
        }
        if (constant > 0) {
            ranked.add(new org.apache.lucene.search.BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(
                    new org.apache.lucene.search.MatchAllDocsQuery()), constant), Occur.SHOULD);
        }
        return ranked.build();
    }
}
