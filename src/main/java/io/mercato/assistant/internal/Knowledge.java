package io.mercato.assistant.internal;

import io.mercato.assistant.Intent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The built-in assistant's understanding: example questions of each intent and the help articles' questions, in
 * both languages, in a small in-memory Lucene index scored by BM25. A question takes the label of its closest
 * example; below a floor it is not understood.
 */
@Component
final class Knowledge {

    /** Below this best score a question is not understood and goes to the store. */
    static final float FLOOR = 1.5f;
    private static final int NEIGHBOURS = 5;

    private final AssistantAnalyzer analyzer = new AssistantAnalyzer();
    private final IndexSearcher searcher;

    Knowledge() {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
                    BufferedReader lines = new BufferedReader(new InputStreamReader(
                            Knowledge.class.getResourceAsStream("/assistant/knowledge.tsv"), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] parts = line.split("\t", 2);
                    Document doc = new Document();
                    doc.add(new StringField("label", parts[0], Field.Store.YES));
                    doc.add(new TextField("text", parts[1], Field.Store.NO));
                    doc.add(new StoredField("utterance", parts[1]));
                    writer.addDocument(doc);
                }
            }
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the question is about.
     *
     * @param label an intent's name or {@code faq:<key>}
     */
    record Understood(Intent intent, @Nullable String faq, float score) {
    }

    Understood understand(String question) {
        try {
            Query query = query(question);
            if (query == null) {
                return new Understood(Intent.UNKNOWN, null, 0);
            }
            ScoreDoc[] top = searcher.search(query, NEIGHBOURS).scoreDocs;
            Map<String, Float> sums = new HashMap<>();
            for (ScoreDoc hit : top) {
                String label = searcher.storedFields().document(hit.doc).get("label");
                sums.merge(label, hit.score, Math::max);
            }
            String best = null;
            float bestScore = 0;
            for (Map.Entry<String, Float> e : sums.entrySet()) {
                if (e.getValue() > bestScore) {
                    best = e.getKey();
                    bestScore = e.getValue();
                }
            }
            if (best == null || top[0].score < FLOOR) {
                return new Understood(Intent.UNKNOWN, null, top.length == 0 ? 0 : top[0].score);
            }
            if (best.startsWith("faq:")) {
                return new Understood(Intent.POLICY, best.substring(4), bestScore);
            }
            return new Understood(Intent.valueOf(best), null, bestScore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private @Nullable Query query(String text) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int terms = 0;
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms < 512) {
                query.add(new TermQuery(new Term("text", term.toString())), BooleanClause.Occur.SHOULD);
                terms++;
            }
            stream.end();
        }
        return terms == 0 ? null : query.build();
    }
}
