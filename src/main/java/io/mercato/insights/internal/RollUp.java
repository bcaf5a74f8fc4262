package io.mercato.insights.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the facts not yet folded into the daily tables, a batch per transaction: the batch is marked folded
 * ({@code FOR UPDATE SKIP LOCKED}, so two instances never fold the same fact) and added to {@code daily_sales},
 * {@code buyers} and {@code buyer_months} in one statement.
 */
@Component
class RollUp {

    static final int BATCH = 20_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RollUp(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
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

    private int foldBatch() {
        return jdbc.sql("""
                WITH f AS (
                    UPDATE insights.facts SET folded = true
                    WHERE event_key IN (SELECT event_key FROM insights.facts WHERE NOT folded
                                        LIMIT :batch FOR UPDATE SKIP LOCKED)
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
                        revenue_minor = d.revenue_minor + EXCLUDED.revenue_minor),
                b AS (
                    INSERT INTO insights.buyers AS b (buyer_id, first_day)
                    SELECT buyer_id, min(day) FROM f WHERE kind = 'PAID' GROUP BY buyer_id
                    ON CONFLICT (buyer_id) DO UPDATE SET first_day = least(b.first_day, EXCLUDED.first_day)),
                m AS (
                    INSERT INTO insights.buyer_months (month, buyer_id)
                    SELECT DISTINCT date_trunc('month', day)::date, buyer_id FROM f WHERE kind = 'PAID'
                    ON CONFLICT DO NOTHING)
                SELECT count(*) FROM f""")
                .param("batch", BATCH)
                .query(Integer.class).single();
    }
}
