package io.mercato.search.internal;

import io.mercato.search.ProductSearch.SynonymRule;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The operator's synonym rules and the query analyzer built from them. An edit rebuilds the analyzer at once;
 * every instance also checks the table every few seconds, so edits made on another instance arrive too.
 */
@Component
class Synonyms {

    private static final Logger log = LoggerFactory.getLogger(Synonyms.class);

    private final JdbcClient jdbc;
    private volatile Analyzer queryAnalyzer;
    private volatile String signature = "";

    Synonyms(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.queryAnalyzer = ProductAnalyzers.query(ProductAnalyzers.synonyms(List.of()));
        reload();
    }

    Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    List<SynonymRule> rules() {
        return jdbc.sql("SELECT id, rule FROM search.synonyms ORDER BY id")
                .query((rs, n) -> new SynonymRule(rs.getLong(1), rs.getString(2))).list();
    }

    @Scheduled(fixedDelayString = "${mercato.search.synonym-check-ms:3000}")
    void checkForEdits() {
        String current = jdbc.sql("SELECT count(*) || ':' || coalesce(max(id), 0) FROM search.synonyms")
                .query(String.class).single();
        if (!current.equals(signature)) {
            reload();
        }
    }

    synchronized void reload() {
        List<SynonymRule> rules = rules();
        String current = rules.size() + ":" + rules.stream().mapToLong(SynonymRule::id).max().orElse(0);
        SynonymMap map;
        try {
            map = ProductAnalyzers.synonyms(rules.stream().map(SynonymRule::rule).toList());
        } catch (IllegalArgumentException e) {
            log.error("Synonym rules do not parse; keeping the previous ones", e);
            return;
        }
        queryAnalyzer = ProductAnalyzers.query(map);
        signature = current;
        log.info("Search synonyms loaded: {} rules", rules.size());
    }
}
