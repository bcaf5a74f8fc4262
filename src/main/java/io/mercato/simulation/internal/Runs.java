package io.mercato.simulation.internal;

import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import io.mercato.simulation.SimulatedDay;
import io.mercato.simulation.SimulatedOrder;
import io.mercato.simulation.SimulationPlan;
import io.mercato.simulation.SimulationRun;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only reader and writer of the simulator's tables. */
@Component
class Runs {

    static final String CURRENCY = "CNY";

    private final JdbcClient jdbc;

    Runs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(SimulationPlan plan, LocalDate firstDay, Instant now) {
        return jdbc.sql("""
                INSERT INTO simulation.runs (label, seed, consumers, merchants, days, first_day, parallelism, intensity,
                                             status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?) RETURNING id""")
                .params(plan.label(), plan.seed(), plan.consumers(), plan.merchants(), plan.days(), firstDay,
                        plan.parallelism(), plan.intensity(), Timestamp.from(now))
                .query(Long.class).single();
    }

    SimulationRun get(long runId) {
        return jdbc.sql("SELECT * FROM simulation.runs WHERE id = ?").param(runId).query(Runs::run).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("simulation.run.notFound", runId)));
    }

    List<SimulationRun> latest(int limit) {
        return jdbc.sql("SELECT * FROM simulation.runs ORDER BY id DESC LIMIT ?").param(limit).query(Runs::run).list();
    }

    /** The latest run with this label, if any (the demo's history is found by its label). */
    java.util.Optional<SimulationRun> byLabel(String label) {
        return jdbc.sql("SELECT * FROM simulation.runs WHERE label = ? ORDER BY id DESC LIMIT 1").param(label)
                .query(Runs::run).optional();
    }

    boolean setUp(long runId) {
        return jdbc.sql("SELECT set_up FROM simulation.runs WHERE id = ?").param(runId).query(Boolean.class).single();
    }

    void markSetUp(long runId) {
        jdbc.sql("UPDATE simulation.runs SET set_up = true WHERE id = ?").param(runId).update();
    }

    void status(long runId, SimulationRun.Status status, Instant now) {
        jdbc.sql("""
                UPDATE simulation.runs SET status = ?,
                       finished_at = CASE WHEN ? = 'FINISHED' THEN ? ELSE finished_at END
                WHERE id = ?""").params(status.name(), status.name(), Timestamp.from(now), runId).update();
    }

    /** Runs this process left working when it stopped: they show as stopped, to be resumed. */
    int interrupted() {
        return jdbc.sql("UPDATE simulation.runs SET status = 'STOPPED' WHERE status = 'RUNNING'").update();
    }

    /** Records a finished day and moves the run past it, in one transaction (the caller's). */
    void dayDone(long runId, SimulatedDay day) {
        jdbc.sql("""
                INSERT INTO simulation.days (run_id, day_index, day, visitors, orders, gmv_minor, cancelled, refunds, reviews,
                                             new_buyers, vip_joins, ad_clicks, refused, wall_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (run_id, day_index) DO NOTHING""")
                .params(runId, day.dayIndex(), day.day(), day.visitors(), day.orders(), day.gmvMinor(), day.cancelled(), day.refunds(),
                        day.reviews(), day.newBuyers(), day.vipJoins(), day.adClicks(), day.refused(), day.wallMs())
                .update();
        jdbc.sql("""
                UPDATE simulation.runs SET days_done = ? + 1, orders = orders + ?, gmv_minor = gmv_minor + ?,
                       busy_ms = busy_ms + ?
                WHERE id = ? AND days_done = ?""")
                .params(day.dayIndex(), day.orders(), day.gmvMinor(), day.wallMs(), runId, day.dayIndex()).update();
    }

    List<SimulatedDay> days(long runId, int limit) {
        return jdbc.sql("SELECT * FROM simulation.days WHERE run_id = ? ORDER BY day_index DESC LIMIT ?")
                .params(runId, limit)
                .query((rs, n) -> new SimulatedDay(rs.getInt("day_index"), rs.getObject("day", LocalDate.class),
                        rs.getInt("visitors"), rs.getInt("orders"), rs.getLong("gmv_minor"), rs.getInt("cancelled"), rs.getInt("refunds"),
                        rs.getInt("reviews"), rs.getInt("new_buyers"), rs.getInt("vip_joins"), rs.getInt("ad_clicks"),
                        rs.getInt("refused"), rs.getLong("wall_ms")))
                .list();
    }

    // The market's actors and goods.

    record MerchantRow(int idx, long accountId, long storeId, String kind) {
    }

    void merchant(long runId, int idx, long accountId, long storeId, String kind) {
        jdbc.sql("INSERT INTO simulation.merchants VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(runId, idx, accountId, storeId, kind).update();
    }

    Map<Integer, MerchantRow> merchants(long runId) {
        Map<Integer, MerchantRow> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM simulation.merchants WHERE run_id = ?").param(runId)
                .query((rs, n) -> new MerchantRow(rs.getInt("idx"), rs.getLong("account_id"), rs.getLong("store_id"),
                        rs.getString("kind")))
                .list().forEach(row -> rows.put(row.idx(), row));
        return rows;
    }

    void sku(long runId, int merchantIdx, int idx, long productId, long skuId, long priceMinor) {
        jdbc.sql("INSERT INTO simulation.skus VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(runId, merchantIdx, idx, productId, skuId, priceMinor).update();
    }

    /** SKU ids by merchant index and product index. */
    long[][] skus(long runId, int merchants) {
        long[][] skus = new long[merchants][Market.PRODUCTS_PER_MERCHANT];
        jdbc.sql("SELECT merchant_idx, idx, sku_id FROM simulation.skus WHERE run_id = ?").param(runId)
                .query((rs, n) -> skus[rs.getInt(1)][rs.getInt(2)] = rs.getLong(3)).list();
        return skus;
    }

    int skusOf(long runId, int merchantIdx) {
        return jdbc.sql("SELECT count(*) FROM simulation.skus WHERE run_id = ? AND merchant_idx = ?")
                .params(runId, merchantIdx).query(Integer.class).single();
    }

    Map<Integer, Long> consumers(long runId) {
        Map<Integer, Long> rows = new java.util.concurrent.ConcurrentHashMap<>();
        jdbc.sql("SELECT idx, account_id FROM simulation.consumers WHERE run_id = ?").param(runId)
                .query((rs, n) -> rows.put(rs.getInt(1), rs.getLong(2))).list();
        return rows;
    }

    // Orders and their next steps.

    record Placed(long orderId, int consumer, int merchant, int sku, int dayIndex, int hour, int quantity,
            long totalMinor, String currency, String fate, int rating, String nextStep, Instant nextAt) {
    }

    /** A follow-up step done: the order's next step and when it falls due. */
    record Next(long orderId, String step, Instant at) {
    }

    /**
     * What one simulated hour's work changed in the run's tables, gathered from the worker threads and written at the
     * hour's end by {@link #write} in one transaction of three statements, instead of a statement per order, step and
     * consumer. An hour whose writing was lost (the process stopped in it) is played again with its day.
     */
    static final class HourBook {
        final java.util.Queue<Placed> placed = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final java.util.Queue<Next> next = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final Map<Integer, Long> consumers = new java.util.concurrent.ConcurrentHashMap<>();

        boolean isEmpty() {
            return placed.isEmpty() && next.isEmpty() && consumers.isEmpty();
        }
    }

    /** Writes an hour's book (the caller's transaction): new consumers, orders placed, steps done. */
    void write(long runId, HourBook book) {
        if (!book.consumers.isEmpty()) {
            List<Integer> idx = new java.util.ArrayList<>(book.consumers.keySet());
            jdbc.sql("""
                    INSERT INTO simulation.consumers (run_id, idx, account_id)
                    SELECT :run, * FROM unnest(CAST(:idx AS int[]), CAST(:accounts AS bigint[])) ON CONFLICT DO NOTHING""")
                    .param("run", runId).param("idx", idx.toArray(Integer[]::new))
                    .param("accounts", idx.stream().map(book.consumers::get).toArray(Long[]::new)).update();
        }
        if (!book.placed.isEmpty()) {
            List<Placed> placed = List.copyOf(book.placed);
            jdbc.sql("""
                    INSERT INTO simulation.orders (run_id, order_id, consumer_idx, merchant_idx, sku_idx, day_index, hour,
                                                   quantity, total_minor, currency, fate, rating, next_step, next_at)
                    SELECT :run, * FROM unnest(CAST(:orders AS bigint[]), CAST(:consumers AS int[]), CAST(:merchants AS int[]),
                           CAST(:skus AS int[]), CAST(:days AS int[]), CAST(:hours AS int[]), CAST(:quantities AS int[]),
                           CAST(:totals AS bigint[]), CAST(:currencies AS text[]), CAST(:fates AS text[]),
                           CAST(:ratings AS int[]), CAST(:steps AS text[]), CAST(:ats AS timestamptz[]))
                    ON CONFLICT DO NOTHING""")
                    .param("run", runId)
                    .param("orders", placed.stream().map(Placed::orderId).toArray(Long[]::new))
                    .param("consumers", placed.stream().map(Placed::consumer).toArray(Integer[]::new))
                    .param("merchants", placed.stream().map(Placed::merchant).toArray(Integer[]::new))
                    .param("skus", placed.stream().map(Placed::sku).toArray(Integer[]::new))
                    .param("days", placed.stream().map(Placed::dayIndex).toArray(Integer[]::new))
                    .param("hours", placed.stream().map(Placed::hour).toArray(Integer[]::new))
                    .param("quantities", placed.stream().map(Placed::quantity).toArray(Integer[]::new))
                    .param("totals", placed.stream().map(Placed::totalMinor).toArray(Long[]::new))
                    .param("currencies", placed.stream().map(Placed::currency).toArray(String[]::new))
                    .param("fates", placed.stream().map(Placed::fate).toArray(String[]::new))
                    .param("ratings", placed.stream().map(Placed::rating).toArray(Integer[]::new))
                    .param("steps", placed.stream().map(Placed::nextStep).toArray(String[]::new))
                    .param("ats", placed.stream().map(p -> p.nextAt().toString()).toArray(String[]::new))
                    .update();
        }
        if (!book.next.isEmpty()) {
            List<Next> next = List.copyOf(book.next);
            jdbc.sql("""
                    UPDATE simulation.orders o SET next_step = n.step, next_at = n.at
                    FROM unnest(CAST(:orders AS bigint[]), CAST(:steps AS text[]), CAST(:ats AS timestamptz[]))
                         AS n(order_id, step, at)
                    WHERE o.run_id = :run AND o.order_id = n.order_id""")
                    .param("run", runId)
                    .param("orders", next.stream().map(Next::orderId).toArray(Long[]::new))
                    .param("steps", next.stream().map(Next::step).toArray(String[]::new))
                    .param("ats", next.stream().map(n -> n.at().toString()).toArray(String[]::new))
                    .update();
        }
    }

    /** Orders whose next step falls before {@code until}, the earliest first. */
    List<Placed> due(long runId, Instant until) {
        return jdbc.sql("""
                SELECT * FROM simulation.orders
                WHERE run_id = ? AND next_step <> 'DONE' AND next_at < ?
                ORDER BY next_at, order_id""").params(runId, Timestamp.from(until)).query(Runs::placed).list();
    }

    List<SimulatedOrder> orders(long runId) {
        return jdbc.sql("""
                SELECT * FROM simulation.orders WHERE run_id = ?
                ORDER BY day_index, hour, consumer_idx, order_id""").param(runId)
                .query((rs, n) -> new SimulatedOrder(rs.getLong("order_id"), rs.getInt("day_index"), rs.getInt("hour"),
                        rs.getInt("consumer_idx"), rs.getInt("merchant_idx"), rs.getInt("sku_idx"),
                        rs.getInt("quantity"), rs.getLong("total_minor"), rs.getString("currency"),
                        rs.getString("fate"), rs.getString("next_step")))
                .list();
    }

    private static Placed placed(ResultSet rs, int n) throws SQLException {
        return new Placed(rs.getLong("order_id"), rs.getInt("consumer_idx"), rs.getInt("merchant_idx"),
                rs.getInt("sku_idx"), rs.getInt("day_index"), rs.getInt("hour"), rs.getInt("quantity"),
                rs.getLong("total_minor"), rs.getString("currency"), rs.getString("fate"), rs.getInt("rating"),
                rs.getString("next_step"), rs.getTimestamp("next_at").toInstant());
    }

    private static SimulationRun run(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SimulationRun(rs.getLong("id"), rs.getString("label"), rs.getLong("seed"), rs.getInt("consumers"),
                rs.getInt("merchants"), rs.getInt("days"), rs.getObject("first_day", LocalDate.class),
                rs.getInt("parallelism"), rs.getDouble("intensity"), SimulationRun.Status.valueOf(rs.getString("status")), rs.getInt("days_done"),
                rs.getLong("orders"), rs.getLong("gmv_minor"), CURRENCY, rs.getLong("busy_ms"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
