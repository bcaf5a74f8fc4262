package io.mercato.search.internal;

import io.mercato.catalog.Category;
import io.mercato.merchant.StoreKind;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.search.ProductSearch;
import io.mercato.search.RebuildProgress;
import io.mercato.search.SearchQuery;
import io.mercato.search.SearchResult.CategoryCount;
import io.mercato.search.SearchResult.Count;
import io.mercato.search.SearchResult.Facets;
import io.mercato.search.SearchResult.Hit;
import io.mercato.search.SearchResult.PriceRange;
import io.mercato.search.SearchResult;
import io.mercato.search.SearchSort;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultProductSearch implements ProductSearch {

    private static final int MAX_FACET_VALUES = 20;
    private static final int COUNT_THRESHOLD = 1000;

    private final SearchIndex index;
    private final Synonyms synonyms;
    private final ProductSource source;
    private final RankingBoost ranking;
    private final JdbcClient jdbc;

    DefaultProductSearch(SearchIndex index, Synonyms synonyms, ProductSource source, SearchProperties properties,
            JdbcClient jdbc) {
        this.index = index;
        this.synonyms = synonyms;
        this.source = source;
        this.ranking = new RankingBoost(properties);
        this.jdbc = jdbc;
    }

    @Override
    public java.util.Map<Long, Long> unitsSold(java.util.Collection<Long> productIds) {
        java.util.Map<Long, Long> units = new java.util.HashMap<>();
        if (productIds.isEmpty()) {
            return units;
        }
        long[] ids = productIds.stream().mapToLong(Long::longValue).toArray();
        jdbc.sql("""
                SELECT product_id, sum(units) FROM (
                    SELECT product_id, units FROM search.product_sales WHERE product_id = ANY(?)
                    UNION ALL
                    SELECT product_id, units FROM search.sales_log WHERE product_id = ANY(?)) AS sold
                GROUP BY product_id""")
                .params(ids, ids)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> units.put(rs.getLong(1), rs.getLong(2)));
        return units;
    }

    @Override
    public SearchResult search(SearchQuery query) {
        long started = System.nanoTime();
        return index.withSearcher(searcher -> {
            String text = query.text() == null ? "" : query.text().strip();
            Query textQuery = null;
            List<String> corrected = new ArrayList<>();
            if (!text.isEmpty()) {
                textQuery = textQuery(searcher.getIndexReader(), text, corrected);
                if (textQuery == null) {
                    // Only punctuation or symbols: nothing can match.
                    return new SearchResult(0, true, query.page(), query.size(), List.of(), null,
                            query.facets() ? facets(new FacetCounter(), query) : null, micros(started));
                }
            }
            BooleanQuery.Builder builder = new BooleanQuery.Builder()
                    .add(textQuery == null ? new MatchAllDocsQuery() : textQuery, Occur.MUST);
            filters(query, builder);
            Query main = builder.build();
            int wanted = (query.page() + 1) * query.size();
            TopDocs top;
            FacetCounter facets = null;
            // Without facets, counting stops being exact past COUNT_THRESHOLD, which lets Lucene skip
            // documents that cannot reach the top (block-max WAND; the rank features are additive for that reason).
            int threshold = query.facets() ? Integer.MAX_VALUE : Math.max(COUNT_THRESHOLD, wanted);
            if (query.sort() == SearchSort.RELEVANCE) {
                Query ranked = ranking.rank(main);
                if (query.facets()) {
                    Object[] results = searcher.search(ranked, new MultiCollectorManager(
                            new TopScoreDocCollectorManager(wanted, threshold), FacetCounter.manager()));
                    top = (TopDocs) results[0];
                    facets = (FacetCounter) results[1];
                } else {
                    top = searcher.search(ranked, new TopScoreDocCollectorManager(wanted, threshold));
                }
            } else {
                Sort sort = sort(query.sort());
                if (query.facets()) {
                    Object[] results = searcher.search(main, new MultiCollectorManager(
                            new TopFieldCollectorManager(sort, wanted, threshold), FacetCounter.manager()));
                    top = (TopDocs) results[0];
                    facets = (FacetCounter) results[1];
                } else {
                    top = searcher.search(main, new TopFieldCollectorManager(sort, wanted, threshold));
                }
            }
            long total = top.totalHits.value();
            int from = Math.min(top.scoreDocs.length, query.page() * query.size());
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            List<Hit> hits = hits(searcher, page, textQuery == null ? null : new TitleHighlighter(textQuery));
            String didYouMean = null;
            if (!text.isEmpty() && (total == 0 || !corrected.isEmpty())) {
                didYouMean = didYouMean(searcher.getIndexReader(), text);
            }
            return new SearchResult(total, top.totalHits.relation() == TotalHits.Relation.EQUAL_TO, query.page(), query.size(), hits, didYouMean,
                    facets == null ? null : facets(facets, query), micros(started));
        });
    }

    private static long micros(long started) {
        return (System.nanoTime() - started) / 1000;
    }

    /**
     * Every word (or one of its synonyms) must occur in the product's text. Latin
     * words of four letters or more that occur nowhere are matched with one typo allowed (two from eight letters).
     */
    private @Nullable Query textQuery(IndexReader reader, String text, List<String> corrected) throws IOException {
        QueryBuilder builder = new QueryBuilder(synonyms.queryAnalyzer());
        // Multi-word synonyms ("mobile phone") match as all-words rather than phrases: positions are costly to read.
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(false);
        Query all = builder.createBooleanQuery(ProductDocuments.TEXT, text, Occur.MUST);
        if (all == null) {
            return null;
        }
        // Title words weigh more because the title is in the text field twice: one scoring pass, not two.
        return tolerateTypos(all, reader, corrected);
    }

    private static Query tolerateTypos(Query query, IndexReader reader, List<String> corrected) throws IOException {
        if (query instanceof TermQuery term) {
            String word = term.getTerm().text();
            if (ProductAnalyzers.isLatinWord(word) && word.length() >= 4 && reader.docFreq(term.getTerm()) == 0) {
                corrected.add(word);
                return new FuzzyQuery(term.getTerm(), word.length() >= 8 ? 2 : 1, 1, 50, true);
            }
            return query;
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                builder.add(tolerateTypos(clause.query(), reader, corrected), clause.occur());
            }
            return builder.build();
        }
        return query;
    }

    private static void filters(SearchQuery query, BooleanQuery.Builder builder) {
        if (query.categoryId() != null) {
            builder.add(new TermQuery(new Term(ProductDocuments.CATEGORY, query.categoryId().toString())), Occur.FILTER);
        }
        if (query.storeId() != null) {
            builder.add(new TermQuery(new Term(ProductDocuments.STORE, query.storeId().toString())), Occur.FILTER);
        }
        if (!query.brandIds().isEmpty()) {
            builder.add(anyOf(ProductDocuments.BRAND, query.brandIds().stream().map(String::valueOf).toList()), Occur.FILTER);
        }
        if (!query.storeKinds().isEmpty()) {
            builder.add(anyOf(ProductDocuments.KIND, query.storeKinds().stream().map(StoreKind::name).toList()), Occur.FILTER);
        }
        if (query.minPriceMinor() != null || query.maxPriceMinor() != null) {
            builder.add(LongPoint.newRangeQuery(ProductDocuments.PRICE,
                    query.minPriceMinor() == null ? 0 : query.minPriceMinor(),
                    query.maxPriceMinor() == null ? Long.MAX_VALUE : query.maxPriceMinor()), Occur.FILTER);
        }
        if (query.inStockOnly()) {
            builder.add(new TermQuery(new Term(ProductDocuments.IN_STOCK, "1")), Occur.FILTER);
        }
        for (Map.Entry<String, List<String>> attribute : new TreeMap<>(query.attributes()).entrySet()) {
            builder.add(anyOf(ProductDocuments.ATTRIBUTE, attribute.getValue().stream()
                    .map(value -> ProductDocuments.attributeValue(attribute.getKey(), value)).toList()), Occur.FILTER);
        }
    }

    private static Query anyOf(String field, List<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(value -> any.add(new TermQuery(new Term(field, value)), Occur.SHOULD));
        return any.build();
    }

    private static Sort sort(SearchSort sort) {
        SortField newest = new SortField(ProductDocuments.ID_SORT, SortField.Type.LONG, true);
        return switch (sort) {
            case SALES -> new Sort(new SortField(ProductDocuments.SALES, SortField.Type.LONG, true), newest);
            case PRICE_ASC -> new Sort(new SortField(ProductDocuments.PRICE, SortField.Type.LONG, false), newest);
            case PRICE_DESC -> new Sort(new SortField(ProductDocuments.PRICE, SortField.Type.LONG, true), newest);
            case NEWEST, RELEVANCE -> new Sort(new SortField(ProductDocuments.CREATED, SortField.Type.LONG, true), newest);
        };
    }

    /** Reads the page's hits from doc values, in document order (doc-values iterators only move forward). */
    private List<Hit> hits(IndexSearcher searcher, ScoreDoc[] page, @Nullable TitleHighlighter highlighter) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Integer[] order = new Integer[page.length];
        for (int i = 0; i < page.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> page[i].doc));
        Hit[] hits = new Hit[page.length];
        int currentLeaf = -1;
        DisplayValues values = null;
        for (int i : order) {
            int leafIndex = ReaderUtil.subIndex(page[i].doc, leaves);
            if (leafIndex != currentLeaf) {
                currentLeaf = leafIndex;
                values = new DisplayValues(leaves.get(leafIndex).reader());
            }
            int doc = page[i].doc - leaves.get(leafIndex).docBase;
            String[] display = values.display.advanceExact(doc) ? values.display.binaryValue().utf8ToString()
                    .split(String.valueOf(ProductDocuments.SEPARATOR), -1) : new String[] {"", "", "", ""};
            String title = display[0];
            Long brandId = values.brand.advanceExact(doc) ? values.brand.longValue() : null;
            float score = page[i].score;
            hits[i] = new Hit(value(values.id, doc), title,
                    highlighter == null ? TitleHighlighter.escape(title) : highlighter.highlight(index.analyzer(), title),
                    value(values.store, doc), StoreKind.values()[(int) value(values.kind, doc)], value(values.category, doc),
                    brandId, brandId == null || display[1].isEmpty() ? null : display[1], value(values.price, doc), display[2],
                    value(values.inStock, doc) == 1, value(values.sales, doc), display[3].isEmpty() ? null : display[3],
                    Float.isNaN(score) ? 0 : score);
        }
        return Arrays.asList(hits);
    }

    private static long value(NumericDocValues values, int doc) throws IOException {
        return values.advanceExact(doc) ? values.longValue() : 0;
    }

    private static final class DisplayValues {
        final BinaryDocValues display;
        final NumericDocValues id;
        final NumericDocValues store;
        final NumericDocValues kind;
        final NumericDocValues category;
        final NumericDocValues brand;
        final NumericDocValues price;
        final NumericDocValues inStock;
        final NumericDocValues sales;

        DisplayValues(LeafReader reader) throws IOException {
            display = DocValues.getBinary(reader, ProductDocuments.DISPLAY);
            id = DocValues.getNumeric(reader, ProductDocuments.ID_SORT);
            store = DocValues.getNumeric(reader, ProductDocuments.STORE_ID);
            kind = DocValues.getNumeric(reader, ProductDocuments.KIND_ORDINAL);
            category = DocValues.getNumeric(reader, ProductDocuments.CATEGORY_ID);
            brand = DocValues.getNumeric(reader, ProductDocuments.BRAND_ID);
            price = DocValues.getNumeric(reader, ProductDocuments.PRICE);
            inStock = DocValues.getNumeric(reader, ProductDocuments.IN_STOCK);
            sales = DocValues.getNumeric(reader, ProductDocuments.SALES);
        }
    }

    /** The query with each Latin word the index does not hold replaced by the closest word it does, if any. */
    private @Nullable String didYouMean(IndexReader reader, String text) throws IOException {
        DirectSpellChecker spell = new DirectSpellChecker();
        spell.setMinQueryLength(3);
        StringBuilder result = new StringBuilder();
        int copied = 0;
        boolean changed = false;
        try (TokenStream tokens = index.analyzer().tokenStream(ProductDocuments.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offsets = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            int count = 0;
            while (tokens.incrementToken() && count++ < ProductAnalyzers.MAX_QUERY_TOKENS) {
                String word = term.toString();
                Term asTerm = new Term(ProductDocuments.TEXT, word);
                if (!ProductAnalyzers.isLatinWord(word) || word.length() < 3 || reader.docFreq(asTerm) > 0) {
                    continue;
                }
                SuggestWord[] suggestions = spell.suggestSimilar(asTerm, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (suggestions.length > 0 && offsets.startOffset() >= copied) {
                    result.append(text, copied, offsets.startOffset()).append(suggestions[0].string);
                    copied = offsets.endOffset();
                    changed = true;
                }
            }
            tokens.end();
        }
        if (!changed) {
            return null;
        }
        return result.append(text.substring(copied)).toString();
    }

    private Facets facets(FacetCounter counter, SearchQuery query) {
        Map<String, Long> counts = counter.counts;
        List<CategoryCount> path = new ArrayList<>();
        List<Category> children;
        if (query.categoryId() != null) {
            for (long id : source.categoryPath(query.categoryId())) {
                Category category = source.category(id);
                path.add(new CategoryCount(id, category == null ? "" : category.name(), counts.getOrDefault("c:" + id, 0L)));
            }
            Category selected = source.category(query.categoryId());
            children = selected == null ? List.of() : selected.children();
        } else {
            children = source.roots();
        }
        List<CategoryCount> categories = children.stream()
                .map(child -> new CategoryCount(child.id(), child.name(), counts.getOrDefault("c:" + child.id(), 0L)))
                .filter(count -> count.count() > 0)
                .sorted(Comparator.comparingLong(CategoryCount::count).reversed())
                .toList();
        List<Count> brands = new ArrayList<>();
        List<Count> kinds = new ArrayList<>();
        Map<String, List<Count>> attributes = new TreeMap<>();
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith("b:")) {
                long id = Long.parseLong(key.substring(2));
                String name = source.brandName(id);
                brands.add(new Count(id, name == null ? key.substring(2) : name, entry.getValue()));
            } else if (key.startsWith("k:")) {
                kinds.add(new Count(null, key.substring(2), entry.getValue()));
            } else if (key.startsWith("a:")) {
                String pair = key.substring(2);
                int equals = pair.indexOf('=');
                attributes.computeIfAbsent(pair.substring(0, equals), k -> new ArrayList<>())
                        .add(new Count(null, pair.substring(equals + 1), entry.getValue()));
            }
        }
        Comparator<Count> byCount = Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value);
        Map<String, List<Count>> topAttributes = new LinkedHashMap<>();
        attributes.forEach((name, values) -> topAttributes.put(name,
                values.stream().sorted(byCount).limit(MAX_FACET_VALUES).toList()));
        List<PriceRange> prices = new ArrayList<>();
        long[] bounds = FacetCounter.PRICE_BOUNDS;
        for (int i = 0; i < bounds.length; i++) {
            if (counter.prices[i] > 0) {
                prices.add(new PriceRange(bounds[i], i + 1 < bounds.length ? bounds[i + 1] : null, counter.prices[i]));
            }
        }
        return new Facets(path, categories, brands.stream().sorted(byCount).limit(MAX_FACET_VALUES).toList(),
                kinds.stream().sorted(byCount).toList(), prices, counter.inStock, topAttributes);
    }

    @Override
    public RebuildProgress rebuild(Actor operator) {
        operator.require(Role.OPERATOR);
        return index.startRebuild();
    }

    @Override
    public RebuildProgress rebuildProgress(Actor operator) {
        operator.require(Role.OPERATOR);
        return index.progress();
    }

    @Override
    public List<SynonymRule> synonyms(Actor operator) {
        operator.require(Role.OPERATOR);
        return synonyms.rules();
    }

    @Override
    @Transactional
    public SynonymRule addSynonym(Actor operator, String rule) {
        operator.require(Role.OPERATOR);
        if (rule == null || rule.isBlank() || rule.length() > 500 || rule.contains("\n")) {
            throw new InvalidInputException("rule", Text.of("search.synonymRuleOneLineCharacters"));
        }
        String stripped = rule.strip();
        if (!stripped.contains(",") && !stripped.contains("=>")) {
            throw new InvalidInputException("rule", Text.of("search.ruleNamesNoSynonymsWrite", stripped));
        }
        try {
            ProductAnalyzers.synonyms(List.of(stripped));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rule", Text.of("search.synonymRuleDoesNotParse", stripped));
        }
        long id = jdbc.sql("""
                INSERT INTO search.synonyms (rule) VALUES (?)
                ON CONFLICT (rule) DO UPDATE SET rule = EXCLUDED.rule RETURNING id""")
                .param(stripped).query(Long.class).single();
        synonyms.reload();
        return new SynonymRule(id, stripped);
    }

    @Override
    @Transactional
    public void removeSynonym(Actor operator, long ruleId) {
        operator.require(Role.OPERATOR);
        if (jdbc.sql("DELETE FROM search.synonyms WHERE id = ?").param(ruleId).update() == 0) {
            throw new NotFoundException(Text.of("search.synonymRuleDoesNotExist", ruleId));
        }
        synonyms.reload();
    }
}
