package io.mercato.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * Marks query words in titles with {@code <em>}. It re-analyses each title on the page (a few microseconds
 * each) and marks the tokens whose analysed form is a query term, or within a fuzzy term's edit distance; this
 * is much cheaper than Lucene's general highlighters, which re-run the query per document.
 */
final class TitleHighlighter {

    private final Set<String> terms = new HashSet<>();
    private final List<FuzzyQuery> fuzzy = new ArrayList<>();

    TitleHighlighter(Query query) {
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... found) {
                for (Term term : found) {
                    terms.add(term.text());
                }
            }

            @Override
            public void visitLeaf(Query query) {
                if (query instanceof FuzzyQuery fuzzyQuery) {
                    fuzzy.add(fuzzyQuery);
                }
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
    }

    String highlight(Analyzer analyzer, String title) {
        StringBuilder out = new StringBuilder(title.length() + 16);
        int copied = 0;
        try (TokenStream tokens = analyzer.tokenStream(ProductDocuments.TITLE, title)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offsets = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (offsets.startOffset() < copied || !matches(term.toString())) {
                    continue;
                }
                out.append(escape(title.substring(copied, offsets.startOffset()))).append("<em>")
                        .append(escape(title.substring(offsets.startOffset(), offsets.endOffset()))).append("</em>");
                copied = offsets.endOffset();
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(escape(title.substring(copied))).toString();
    }

    private boolean matches(String token) {
        if (terms.contains(token)) {
            return true;
        }
        for (FuzzyQuery query : fuzzy) {
            String text = query.getTerm().text();
            int distance = Math.round((1 - new LevenshteinDistance().getDistance(text, token)) * Math.max(text.length(), token.length()));
            if (distance <= query.getMaxEdits() && !token.isEmpty() && token.charAt(0) == text.charAt(0)) {
                return true;
            }
        }
        return false;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }
}
