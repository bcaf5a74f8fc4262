package io.mercato.search.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts facet values over every match: per segment into an array indexed by the segment's value ordinals,
 * turned into strings only for the ordinals that were hit, when the segment is done.
 */
final class FacetCounter implements Collector {

    /** Price range bounds in minor units: 0–50, 50–100, 100–200, 200–500, 500–1000, 1000–5000, 5000+ (yuan). */
    static final long[] PRICE_BOUNDS = {0, 5_000, 10_000, 20_000, 50_000, 100_000, 500_000};

    final Map<String, Long> counts = new HashMap<>();
    final long[] prices = new long[PRICE_BOUNDS.length];
    long inStock;

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(context.reader(), ProductDocuments.FACET);
        NumericDocValues price = DocValues.getNumeric(context.reader(), ProductDocuments.PRICE);
        NumericDocValues stock = DocValues.getNumeric(context.reader(), ProductDocuments.IN_STOCK);
        long[] ordinals = new long[(int) Math.min(Integer.MAX_VALUE - 8, values.getValueCount())];
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                if (values.advanceExact(doc)) {
                    for (int i = values.docValueCount(); i > 0; i--) {
                        ordinals[(int) values.nextOrd()]++;
                    }
                }
                if (price.advanceExact(doc)) {
                    prices[bucket(price.longValue())]++;
                }
                if (stock.advanceExact(doc) && stock.longValue() == 1) {
                    inStock++;
                }
            }

            @Override
            public void finish() throws IOException {
                for (int ord = 0; ord < ordinals.length; ord++) {
                    if (ordinals[ord] > 0) {
                        counts.merge(values.lookupOrd(ord).utf8ToString(), ordinals[ord], Long::sum);
                    }
                }
            }
        };
    }

    static int bucket(long price) {
        int bucket = 0;
        while (bucket + 1 < PRICE_BOUNDS.length && price >= PRICE_BOUNDS[bucket + 1]) {
            bucket++;
        }
        return bucket;
    }

    static CollectorManager<FacetCounter, FacetCounter> manager() {
        return new CollectorManager<>() {
            @Override
            public FacetCounter newCollector() {
                return new FacetCounter();
            }

            @Override
            public FacetCounter reduce(Collection<FacetCounter> collectors) {
                FacetCounter total = new FacetCounter();
                for (FacetCounter counter : collectors) {
                    counter.counts.forEach((key, count) -> total.counts.merge(key, count, Long::sum));
                    for (int i = 0; i < total.prices.length; i++) {
                        total.prices[i] += counter.prices[i];
                    }
                    total.inStock += counter.inStock;
                }
                return total;
            }
        };
    }
}
