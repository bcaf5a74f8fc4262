package io.mercato.search.internal;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/** The non-text part of the relevance blend (see {@link SearchProperties}), multiplied into the text score. */
final class RankingBoost extends DoubleValuesSource {

    private final SearchProperties ranking;
    private final double constant;

    RankingBoost(SearchProperties ranking) {
        this.ranking = ranking;
        this.constant = (1 + ranking.ratingWeight() * (ranking.defaultRating() - 0.5))
                * (1 + ranking.storeWeight() * (ranking.defaultStoreQuality() - 0.5));
    }

    @Override
    public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
        NumericDocValues sales = DocValues.getNumeric(context.reader(), ProductDocuments.SALES);
        NumericDocValues inStock = DocValues.getNumeric(context.reader(), ProductDocuments.IN_STOCK);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                long units = sales.advanceExact(doc) ? sales.longValue() : 0;
                boolean available = inStock.advanceExact(doc) && inStock.longValue() == 1;
                value = constant * (1 + ranking.salesWeight() * Math.log1p(units)) * (available ? 1 : ranking.soldOutFactor());
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    @Override
    public int hashCode() {
        return ranking.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RankingBoost boost && boost.ranking.equals(ranking);
    }

    @Override
    public String toString() {
        return "ranking(" + ranking + ")";
    }
}
