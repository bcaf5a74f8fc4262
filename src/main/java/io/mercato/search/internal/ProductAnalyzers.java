package io.mercato.search.internal;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.LimitTokenCountFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * The text analysis of titles and queries. ICU segments Chinese by dictionary and splits mixed text at script
 * boundaries ("iPhone手机壳" gives iphone, 手机, 壳); ICU folding removes case, width (全角 ＡＢＣ) and accents;
 * English words, and only they, are stemmed with KStem, which is milder than Porter on brand names. Queries add
 * the operator's synonyms on top, so editing synonyms never needs a reindex.
 */
final class ProductAnalyzers {

    /** Words beyond this in one query are ignored; a 10 kB paste is cut, not analysed. */
    static final int MAX_QUERY_TOKENS = 32;

    private ProductAnalyzers() {
    }

    static Analyzer index() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new ICUTokenizer();
                return new TokenStreamComponents(tokenizer, new KStemFilter(new LatinOnly(new ICUFoldingFilter(tokenizer))));
            }
        };
    }

    static Analyzer query(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new ICUTokenizer();
                TokenStream stream = new KStemFilter(new LatinOnly(new ICUFoldingFilter(tokenizer)));
                stream = new LimitTokenCountFilter(stream, MAX_QUERY_TOKENS);
                if (synonyms.fst != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /**
     * Parses synonym rules (Solr format, one per entry) through the index analysis, so rule words match the
     * folded, stemmed query words.
     *
     * @throws IllegalArgumentException naming the rule that does not parse
     */
    static SynonymMap synonyms(List<String> rules) {
        try (Analyzer analyzer = index()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            for (String rule : rules) {
                try {
                    parser.parse(new StringReader(rule));
                } catch (ParseException | IllegalArgumentException e) {
                    throw new IllegalArgumentException("Synonym rule '" + rule + "' does not parse: " + e.getMessage(), e);
                }
            }
            return parser.build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isLatinWord(String term) {
        if (term.isEmpty()) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    /** Marks every token that is not a Latin word as a keyword, so the English stemmer leaves it alone. */
    private static final class LatinOnly extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

        LatinOnly(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            boolean latin = term.length() > 0;
            for (int i = 0; i < term.length() && latin; i++) {
                char c = term.charAt(i);
                latin = c >= 'a' && c <= 'z';
            }
            if (!latin) {
                keyword.setKeyword(true);
            }
            return true;
        }
    }
}
