package io.mercato.pricing.internal.festival;

import io.mercato.pricing.internal.FestivalScope;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The festivals each SKU is enrolled in, answered from memory. Every change of enrolments bumps one version row in
 * its transaction; this instance reloads right after its own change commits, and every instance polls the version
 * (a one-row read) each {@code mercato.pricing.festival-scope-refresh} and reloads when it moved, so a change made
 * through another instance is seen within that interval.
 */
@Component
final class DefaultFestivalScope implements FestivalScope {

    private static final Logger log = LoggerFactory.getLogger(DefaultFestivalScope.class);

    private final FestivalRows rows;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(-1, Map.of());

    DefaultFestivalScope(FestivalRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public Set<Long> festivalsOf(long skuId) {
        Snapshot current = snapshot;
        if (current.version < 0) {
            current = reload();
        }
        return current.scope.getOrDefault(skuId, Set.of());
    }

    /** Reloads once the changing transaction commits (at once when there is none). */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
    }

    @Scheduled(fixedDelayString = "${mercato.pricing.festival-scope-refresh:1s}", initialDelayString = "1s")
    void poll() {
        try {
            if (rows.scopeVersion() != snapshot.version) {
                reload();
            }
        } catch (RuntimeException e) {
            log.warn("Festival scope could not be refreshed: {}", e.getMessage());
        }
    }

    synchronized Snapshot reload() {
        // The version is read before the rows: a change committed in between is loaded now and reloaded again later.
        long version = rows.scopeVersion();
        Map<Long, Set<Long>> scope = rows.scope(clock.instant());
        scope.replaceAll((sku, festivals) -> Set.copyOf(festivals));
        Snapshot loaded = new Snapshot(version, Map.copyOf(scope));
        snapshot = loaded;
        return loaded;
    }

    record Snapshot(long version, Map<Long, Set<Long>> scope) {
    }
}
