package io.mercato.insights.internal;

import io.mercato.insights.internal.BuyerFigures.Paid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the facts not yet folded into the daily tables, a batch per transaction: the batch is marked folded and
 * added to {@code daily_sales} in one statement, and its paid orders to the buyer figures ({@link BuyerFigures}).
 * Folds take a transaction-scoped advisory lock, so two instances fold one after the other and never read the same
 * buyer's history at once.
 */
@Component
class RollUp {

    static final int BATCH = 20_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BuyerFigures buyers;

    RollUp(JdbcClient jdbc, TransactionTemplate transactions, BuyerFigures buyers) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.buyers = buyers;
    }

    /** Folds until nothing is left; answers how many facts it folded. */
    int foldAll() {
        int total = 0;
        while (true) {
            Integer folded = transactions.execute(status -> foldBatch());
            total += folded == null ? 0 : folded;
            if (folded == null || folded < BATCH) {
                return total;
            }
        }
    }

    /** Takes the fold's lock until the transaction ends (a recompute takes it before it empties the tables). */
    void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('insights.fold'))").query(Object.class).single();
    }

    private int foldBatch() {
        lock();
        List<Paid> paid = new ArrayList<>();
        int folded = jdbc.sql("""
                WITH f AS (
                    UPDATE insights.facts SET folded = true
                    WHERE event_key IN (SELECT event_key FROM insights.facts WHERE NOT folded LIMIT :batch)
                    RETURNING kind, day, segment, currency, buyer_id, amount_minor, orders),
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
                SELECT kind = 'PAID', buyer_id, day FROM f""")
                .param("batch", BATCH)
                .query((rs, n) -> {
                    if (rs.getBoolean(1)) {
                        paid.add(new Paid(rs.getLong(2), rs.getObject(3, LocalDate.class)));
                    }
                    return n;
                })
                .list().size();
        buyers.add(paid);
        return folded;
    }
}
