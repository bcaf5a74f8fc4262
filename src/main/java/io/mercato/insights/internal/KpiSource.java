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
        jdbc.sql("SELECT first_day, count(*) FROM insights.buyers WHERE first_day BETWEEN :from AND :to GROUP BY first_day")
                .param("from", from).param("to", to)
                .query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        return days;
    }

    /** Distinct buyers with a paid order in the months {@code first..last}. */
    long activeBuyers(YearMonth first, YearMonth last) {
        return jdbc.sql("SELECT count(DISTINCT buyer_id) FROM insights.buyer_months WHERE month BETWEEN :first AND :last")
                .param("first", first.atDay(1)).param("last", last.atDay(1)).query(Long.class).single();
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

    /** Cohort sizes by first month, and per cohort and later month how many of them paid for an order. */
    List<CohortCell> cohortActivity(LocalDate from, LocalDate to, String unit) {
        return jdbc.sql("""
                SELECT date_trunc(:unit, b.first_day::timestamp)::date, date_trunc(:unit, m.month::timestamp)::date,
                       count(DISTINCT b.buyer_id)
                FROM insights.buyers b JOIN insights.buyer_months m ON m.buyer_id = b.buyer_id
                WHERE b.first_day BETWEEN :from AND :to
                GROUP BY 1, 2""")
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
