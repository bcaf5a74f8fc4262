package io.mercato.pricing.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The version of the promotions in force: every change bumps it in its own transaction, so that each instance's
 * {@link PromotionSnapshots} sees the change within a poll; the instance that made it reloads as soon as it commits.
 */
@Component
final class PromotionVersion {

    private final JdbcClient jdbc;
    private final PromotionSnapshots snapshots;

    PromotionVersion(JdbcClient jdbc, PromotionSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    void bump() {
        jdbc.sql("UPDATE pricing.version SET version = version + 1 WHERE id = 1").update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshots.refresh();
                }
            });
        } else {
            snapshots.refresh();
        }
    }
}
