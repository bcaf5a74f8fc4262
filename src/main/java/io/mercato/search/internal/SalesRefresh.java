package io.mercato.search.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds new sales into this instance's index in batches: every half second it first moves the paying
 * transactions' appends ({@code search.sales_log}) into the per-product totals, then reindexes the products whose
 * sales changed since it last looked. Sales move ranking, not visibility, so a fraction of a second's delay
 * costs nothing, while reindexing on every paid order would cost every checkout a document rebuild and an
 * index commit. Each instance reads the shared sales table itself, so no instance depends on another.
 */
@Component
class SalesRefresh {

    private static final Logger log = LoggerFactory.getLogger(SalesRefresh.class);
    /** Sales committed by transactions still open when we last looked carry earlier times; look back this far. */
    private static final Duration LATE_COMMITS = Duration.ofSeconds(2);
    /** At start, catch up on sales an earlier run of this instance may have missed. */
    private static final Duration CATCH_UP = Duration.ofHours(1);
    private static final int BATCH = 500;
    private static final int FOLD_BATCH = 10_000;

    private final JdbcClient jdbc;
    private final SearchIndex index;
    private Instant watermark;
    private final Map<Long, Instant> seen = new HashMap<>();

    SalesRefresh(JdbcClient jdbc, SearchIndex index) {
        this.jdbc = jdbc;
        this.index = index;
        this.watermark = jdbc.sql("SELECT clock_timestamp()").query(Timestamp.class).single().toInstant().minus(CATCH_UP);
    }

    @Scheduled(fixedDelayString = "${mercato.search.sales-refresh:500ms}", initialDelayString = "${mercato.search.sales-refresh:500ms}")
    synchronized void refresh() {
        fold();
        record Change(long productId, Instant at) {
        }
        List<Change> changes = jdbc.sql("""
                SELECT product_id, changed_at FROM search.product_sales WHERE changed_at > ? ORDER BY changed_at LIMIT ?""")
                .params(Timestamp.from(watermark.minus(LATE_COMMITS)), BATCH * 4)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        List<Change> due = changes.stream().filter(change -> !change.at().equals(seen.get(change.productId()))).toList();
        List<Long> products = due.stream().map(Change::productId).distinct().toList();
        for (int from = 0; from < products.size(); from += BATCH) {
            try {
                index.update(List.copyOf(products.subList(from, Math.min(products.size(), from + BATCH))));
            } catch (RuntimeException e) {
                log.warn("Could not fold sales of {} products into the search index; retrying: {}", products.size(),
                        e.getMessage());
                return;
            }
        }
        for (Change change : due) {
            seen.put(change.productId(), change.at());
        }
        for (Change change : changes) {
            if (change.at().isAfter(watermark)) {
                watermark = change.at();
            }
        }
        Instant forgetBefore = watermark.minus(LATE_COMMITS.multipliedBy(2));
        seen.values().removeIf(at -> at.isBefore(forgetBefore));
    }

    /**
     * Moves logged sales into {@code search.product_sales}, a batch at a time, each row exactly once: the rows are
     * deleted in the statement that adds them up, and rows another instance is folding are skipped. Totals are
     * written in product order, so two instances folding at once cannot deadlock.
     */
    void fold() {
        for (int round = 0; round < 20; round++) {
            int products = jdbc.sql("""
                    WITH folded AS (
                        DELETE FROM search.sales_log WHERE id IN (
                            SELECT id FROM search.sales_log ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING product_id, units)
                    INSERT INTO search.product_sales (product_id, units, changed_at)
                    SELECT product_id, sum(units), clock_timestamp() FROM folded GROUP BY product_id ORDER BY product_id
                    ON CONFLICT (product_id) DO UPDATE
                    SET units = search.product_sales.units + EXCLUDED.units, changed_at = clock_timestamp()""")
                    .param(FOLD_BATCH).update();
            if (products == 0) {
                return;
            }
        }
    }
}
