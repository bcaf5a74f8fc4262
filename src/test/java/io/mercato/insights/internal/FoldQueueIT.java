package io.mercato.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import io.mercato.insights.Insights;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fold's queue of facts: small batches taken one after another, a fact whose transaction commits after later ones
 * were folded, and a page that finds a fold already running. Each test counts revenue facts (which touch no buyer
 * figures) under a segment of its own, so the folds the timers run at the same time (of the same queue) change nothing
 * it reads.
 */
@MercatoTest
class FoldQueueIT {

    /** A day long before any other test's, so no other test reads what these add. */
    private static final LocalDate DAY = LocalDate.of(2001, 3, 4);

    @Autowired
    Facts facts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    BuyerFigures buyers;

    @Autowired
    DataSource dataSource;

    @Autowired
    Insights insights;

    @Test
    void factsFoldedInSmallBatchesAndOneCommittedLateAreEachCountedOnce() throws Exception {
        String segment = segment();
        RollUp smallBatches = new RollUp(jdbc, transactions, buyers, 3);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            add(segment, "late", 500);
            written.countDown();
            await(commit);
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 7; i++) {
            add(segment, "early-" + i, 100);
        }

        smallBatches.foldAll();
        assertThat(sales(segment)).as("the seven committed facts, not the one still open").isEqualTo(new Sales(7, 700));

        commit.countDown();
        late.get(30, TimeUnit.SECONDS);
        smallBatches.foldAll();
        smallBatches.foldAll();
        assertThat(sales(segment)).as("the late fact folded once, nothing twice").isEqualTo(new Sales(8, 1_200));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM insights.unfolded u JOIN insights.facts f USING (event_key)
                WHERE f.segment = :segment""").param("segment", segment).query(Long.class).single()).isZero();
    }

    @Test
    void aPageReadsWhatIsRolledUpWhenAFoldAlreadyRunningHoldsTheLock() throws Exception {
        String segment = segment();
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtext('insights.fold'))");
            try {
                add(segment, "while-held", 250);

                assertThat(insights.rollUpForPage()).isZero();
                assertThat(sales(segment)).as("still queued while the other fold runs").isEqualTo(new Sales(0, 0));
            } finally {
                // The connection goes back to the pool with its session: the lock must not go with it.
                statement.execute("SELECT pg_advisory_unlock(hashtext('insights.fold'))");
            }
        }
        insights.rollUpForPage();
        assertThat(sales(segment)).as("folded by the next page once the lock is free").isEqualTo(new Sales(1, 250));
    }

    private static String segment() {
        return "QUEUE-" + UUID.randomUUID();
    }

    private void add(String segment, String name, long amount) {
        assertThat(facts.add(segment + ":" + name, "REVENUE", Math.abs(name.hashCode()), DAY, segment, "CNY",
                Math.abs(segment.hashCode()), amount, true)).isTrue();
    }

    private Sales sales(String segment) {
        return jdbc.sql("""
                SELECT coalesce(sum(completed_orders), 0), coalesce(sum(revenue_minor), 0)
                FROM insights.daily_sales WHERE segment = :segment""")
                .param("segment", segment)
                .query((rs, n) -> new Sales(rs.getLong(1), rs.getLong(2))).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Sales(long orders, long revenueMinor) {
    }
}
