package io.mercato.insights.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the roll-up tables (and nothing else) for the KPI computations. */
@Repository
class KpiSource {

    private final JdbcClient jdbc;

    KpiSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sales per day of {@code from..to} in one currency (or every currency when null), of one segment or all. */
    Map<LocalDate, Sales> sales(LocalDate from, LocalDate to, @Nullable String currency, @Nullable String segment) {
        Map<LocalDate, Sales> days = new TreeMap<>();
        jdbc.sql("""
                SELECT day, sum(placed_orders), sum(paid_orders), sum(gmv_minor), sum(refunded_minor),
                       sum(completed_orders), sum(revenue_minor)
                FROM insights.daily_sales
                WHERE day BETWEEN :from AND :to
                  AND (CAST(:currency AS TEXT) IS NULL OR currency = :currency)
                  AND (CAST(:segment AS TEXT) IS NULL OR segment = :segment)
                GROUP BY day""")
                .param("from", from).param("to", to).param("currency", currency, java.sql.Types.VARCHAR)
                .param("segment", segment, java.sql.Types.VARCHAR)
                .query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), new Sales(rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7))))
                .list();
        return days;
    }

    /** GMV per day and currency of {@code from..to}, all segments or one. */
    Map<String, Map<LocalDate, Long>> gmvByCurrency(LocalDate from, LocalDate to, @Nullable String segment) {
        Map<String, Map<LocalDate, Long>> result = new TreeMap<>();
        jdbc.sql("""
                SELECT currency, day, sum(gmv_minor) FROM insights.daily_sales
                WHERE day BETWEEN :from AND :to AND (CAST(:segment AS TEXT) IS NULL OR segment = :segment)
                GROUP BY currency, day""")
                .param("from", from).param("to", to).param("segment", segment, java.sql.Types.VARCHAR)
                .query((rs, n) -> result.computeIfAbsent(rs.getString(1).strip(), c -> new TreeMap<>())
                        .put(rs.getObject(2, LocalDate.class), rs.getLong(3)))
                .list();
        return result;
    }

    /** Per segment over {@code from..to} in the currency. */
    Map<String, Sales> bySegment(LocalDate from, LocalDate to, String currency) {
        Map<String, Sales> segments = new TreeMap<>();
        jdbc.sql("""
                SELECT segment, sum(placed_orders), sum(paid_orders), sum(gmv_minor), sum(refunded_minor),
                       sum(completed_orders), sum(revenue_minor)
                FROM insights.daily_sales WHERE day BETWEEN :from AND :to AND currency = :currency
                GROUP BY segment""")
                .param("from", from).param("to", to).param("currency", currency)
                .query((rs, n) -> segments.put(rs.getString(1), new Sales(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7))))
                .list();
        return segments;
    }

    /** The booked figures per metric and day of {@code from..to}, in the currency (counts under {@code ---}). */
    Map<String, Map<LocalDate, Long>> booked(LocalDate from, LocalDate to, String currency) {
        Map<String, Map<LocalDate, Long>> result = new HashMap<>();
        jdbc.sql("""
                SELECT metric, day, amount_minor FROM insights.daily_booked
                WHERE day BETWEEN :from AND :to AND currency IN (:currency, '---')""")
                .param("from", from).param("to", to).param("currency", currency)
                .query((rs, n) -> result.computeIfAbsent(rs.getString(1), m -> new TreeMap<>())
                        .put(rs.getObject(2, LocalDate.class), rs.getLong(3)))
                .list();
        return result;
    }

    /** Buyers whose first paid order was on each day of {@code from..to}. */
    Map<LocalDate, Long> newBuyers(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> days = new TreeMap<>();
        jdbc.sql("SELECT day, buyers FROM insights.daily_new_buyers WHERE day BETWEEN :from AND :to")
                .param("from", from).param("to", to)
                .query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        return days;
    }

    /** Annual active consumers at {@code month}: distinct buyers with a paid order in it or the eleven months before. */
    long annualActive(YearMonth month) {
        return jdbc.sql("SELECT coalesce(max(buyers), 0) FROM insights.active_months WHERE month = :month")
                .param("month", month.atDay(1)).query(Long.class).single();
    }

    /** Distinct visitors per day of {@code from..to}, and the day's counts. */
    Map<LocalDate, long[]> activity(LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        jdbc.sql("SELECT day, visitors, visits, searches, views, carts FROM insights.daily_activity WHERE day BETWEEN :from AND :to")
                .param("from", from).param("to", to)
                .query((rs, n) -> days.put(rs.getObject(1, LocalDate.class),
                        new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)}))
                .list();
        return days;
    }

    long monthlyVisitors(YearMonth month) {
        return jdbc.sql("SELECT coalesce(max(visitors), 0) FROM insights.monthly_visitors WHERE month = :month")
                .param("month", month.atDay(1)).query(Long.class).single();
    }

    /**
     * The cohorts ({@code unit} {@code month} or {@code year}, starting in {@code from..to}): per cohort and period,
     * how many of its buyers paid for an order (the cohort's own period holds its size).
     */
    List<CohortCell> cohortActivity(LocalDate from, LocalDate to, String unit) {
        return jdbc.sql("""
                SELECT cohort, period, buyers FROM insights.cohort_cells
                WHERE unit = :unit AND cohort BETWEEN :from AND :to AND buyers <> 0""")
                .param("unit", unit).param("from", from).param("to", to)
                .query((rs, n) -> new CohortCell(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getLong(3))).list();
    }

    record CohortCell(LocalDate cohort, LocalDate period, long buyers) {
    }

    record Sales(long placedOrders, long paidOrders, long gmvMinor, long refundedMinor, long completedOrders,
            long revenueMinor) {

        static final Sales NONE = new Sales(0, 0, 0, 0, 0, 0);

        Sales plus(Sales other) {
            return new Sales(placedOrders + other.placedOrders, paidOrders + other.paidOrders, gmvMinor + other.gmvMinor,
                    refundedMinor + other.refundedMinor, completedOrders + other.completedOrders,
                    revenueMinor + other.revenueMinor);
        }
    }
}
