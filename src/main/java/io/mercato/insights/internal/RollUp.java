package io.mercato.insights.internal;

import io.mercato.insights.internal.BuyerFigures.Paid;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the queued facts ({@code insights.unfolded}) into the daily tables, a batch per transaction: the batch is
 * taken off the queue and added to {@code daily_sales} in one statement, and its paid orders to the buyer figures
 * ({@link BuyerFigures}). A fold reads the queue by position, each batch past the last one it took, so it never walks
 * the entries its own batches left behind; a fact written late under a lower position (its transaction committed
 * after a later one) is found by the fold's last pass, which starts from the beginning. Folds take a
 * transaction-scoped advisory lock, so two instances fold one after the other and never read the same buyer's history
 * at once. The facts waiting show as the gauge {@code mercato.insights.unfolded}.
 */
@Component
class RollUp implements MeterBinder {

    /** How long a page's fold waits for one already running before it reads what is rolled up. */
    private static final String PAGE_WAIT = "300ms";

    /** PostgreSQL's state for a lock not granted within {@code lock_timeout}. */
    private static final String LOCK_TIMEOUT = "55P03";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BuyerFigures buyers;
    private final int batchSize;

    RollUp(JdbcClient jdbc, TransactionTemplate transactions, BuyerFigures buyers,
            @Value("${mercato.insights.fold-batch:20000}") int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.buyers = buyers;
        this.batchSize = batchSize;
    }

    /** Folds until nothing is left; answers how many facts it folded. */
    int foldAll() {
        int total = 0;
        long after = 0;
        while (true) {
            long from = after;
            Batch batch = Objects.requireNonNull(transactions.execute(status -> {
                lock();
                return foldBatch(from, batchSize);
            }));
            total += batch.folded();
            if (batch.folded() == batchSize) {
                after = batch.last();
            } else if (from == 0) {
                return total;
            } else {
                after = 0;
            }
        }
    }

    /**
     * The fold a page asks for before it reads: at most {@code limit} facts, so a page stays quick while a backlog is
     * worked off by the timers; if another fold holds the lock for longer than a moment, the page reads what is rolled
     * up so far. Answers how many facts it folded.
     */
    int foldForPage(int limit) {
        Integer folded = transactions.execute(status -> {
            jdbc.sql("SELECT set_config('lock_timeout', '" + PAGE_WAIT + "', true)").query(Object.class).single();
            try {
                lock();
            } catch (DataAccessException e) {
                if (!(e.getMostSpecificCause() instanceof SQLException sql && LOCK_TIMEOUT.equals(sql.getSQLState()))) {
                    throw e;
                }
                status.setRollbackOnly();
                return 0;
            }
            jdbc.sql("SELECT set_config('lock_timeout', '0', true)").query(Object.class).single();
            return foldBatch(0, limit).folded();
        });
        return folded == null ? 0 : folded;
    }

    /** Facts waiting to be folded, counted up to a million (a backlog beyond that reads as a million). */
    long queued() {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM insights.unfolded LIMIT 1000000) q")
                .query(Long.class).single();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("mercato.insights.unfolded", this, RollUp::queued)
                .description("Counted facts not yet folded into the insights roll-ups (at most a million)")
                .register(registry);
    }

    /** Takes the fold's lock until the transaction ends (a recompute takes it before it empties the tables). */
    void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('insights.fold'))").query(Object.class).single();
    }

    private Batch foldBatch(long after, int limit) {
        List<Paid> paid = new ArrayList<>();
        long[] last = {after};
        int folded = jdbc.sql("""
                WITH q AS (
                    DELETE FROM insights.unfolded
                    WHERE seq IN (SELECT seq FROM insights.unfolded WHERE seq > :after ORDER BY seq LIMIT :limit)
                    RETURNING seq, event_key),
                f AS (
                    SELECT q.seq, x.kind, x.day, x.segment, x.currency, x.buyer_id, x.amount_minor, x.orders
                    FROM q JOIN insights.facts x USING (event_key)),
                s AS (
                    INSERT INTO insights.daily_sales AS d (day, segment, currency, placed_orders, paid_orders, gmv_minor,
                                                           refunded_minor, completed_orders, revenue_minor)
                    SELECT day, segment, currency,
                           coalesce(sum(orders) FILTER (WHERE kind = 'PLACED'), 0),
                           coalesce(sum(orders) FILTER (WHERE kind = 'PAID'), 0),
                           coalesce(sum(amount_minor) FILTER (WHERE kind = 'PAID'), 0),
                           coalesce(sum(amount_minor) FILTER (WHERE kind = 'REFUND'), 0),
                           coalesce(sum(orders) FILTER (WHERE kind = 'REVENUE'), 0),
                           coalesce(sum(amount_minor) FILTER (WHERE kind = 'REVENUE'), 0)
                    FROM f GROUP BY day, segment, currency
                    ON CONFLICT (day, segment, currency) DO UPDATE SET
                        placed_orders = d.placed_orders + EXCLUDED.placed_orders,
                        paid_orders = d.paid_orders + EXCLUDED.paid_orders,
                        gmv_minor = d.gmv_minor + EXCLUDED.gmv_minor,
                        refunded_minor = d.refunded_minor + EXCLUDED.refunded_minor,
                        completed_orders = d.completed_orders + EXCLUDED.completed_orders,
                        revenue_minor = d.revenue_minor + EXCLUDED.revenue_minor)
                SELECT seq, kind = 'PAID', buyer_id, day FROM f""")
                .param("after", after)
                .param("limit", limit)
                .query((rs, n) -> {
                    last[0] = Math.max(last[0], rs.getLong(1));
                    if (rs.getBoolean(2)) {
                        paid.add(new Paid(rs.getLong(3), rs.getObject(4, LocalDate.class)));
                    }
                    return n;
                })
                .list().size();
        buyers.add(paid);
        return new Batch(folded, last[0]);
    }

    /** How many facts a batch folded, and the queue position of the last. */
    private record Batch(int folded, long last) {
    }
}
