package io.mercato.search.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Carries index changes between application instances. Module events are delivered inside the instance that
 * published them, so the instance whose listener handles an event also appends the product ids to
 * {@code search.index_changes}; every instance tails that log and reindexes the products other instances
 * wrote. Reindexing re-reads the product, so seeing a change twice is harmless.
 *
 * <p>Sequence numbers can commit out of order, so each poll re-reads an overlap of the last {@value #OVERLAP}
 * changes and skips those already applied.
 */
@Component
class ChangeFeed {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    static final int OVERLAP = 500;

    private final JdbcClient jdbc;
    private final SearchIndex index;
    private final String instance = UUID.randomUUID().toString();
    private final Set<Long> applied = new HashSet<>();
    private long lastSeen = -1;

    ChangeFeed(JdbcClient jdbc, SearchIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    /** Appends the products to the log, in the caller's transaction. */
    void record(List<Long> productIds) {
        for (long productId : new LinkedHashSet<>(productIds)) {
            jdbc.sql("INSERT INTO search.index_changes (product_id, origin) VALUES (?, ?)").params(productId, instance).update();
        }
    }

    @Scheduled(fixedDelayString = "${mercato.search.change-poll-ms:250}")
    synchronized void poll() {
        if (lastSeen < 0) {
            // Changes before this instance started are in its index already, or its start-up rebuild covers them.
            lastSeen = jdbc.sql("SELECT coalesce(max(seq), 0) FROM search.index_changes").query(Long.class).single();
            return;
        }
        long floor = Math.max(0, lastSeen - OVERLAP);
        record Change(long seq, long productId, String origin) {
        }
        List<Change> changes = jdbc.sql("""
                SELECT seq, product_id, origin FROM search.index_changes WHERE seq > ? ORDER BY seq LIMIT 5000""")
                .param(floor).query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        List<Long> products = new ArrayList<>();
        for (Change change : changes) {
            if (applied.add(change.seq()) && !change.origin().equals(instance)) {
                products.add(change.productId());
            }
            lastSeen = Math.max(lastSeen, change.seq());
        }
        applied.removeIf(seq -> seq <= Math.max(0, lastSeen - OVERLAP));
        if (!products.isEmpty()) {
            log.debug("Reindexing {} products changed on other instances", products.size());
            index.update(List.copyOf(new LinkedHashSet<>(products)));
        }
    }

    @Scheduled(fixedDelayString = "${mercato.search.change-prune-ms:600000}")
    void prune() {
        jdbc.sql("DELETE FROM search.index_changes WHERE changed_at < now() - interval '1 hour'").update();
    }
}
