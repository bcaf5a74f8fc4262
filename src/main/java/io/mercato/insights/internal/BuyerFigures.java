package io.mercato.insights.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The buyer figures that are not sums of days, kept current as paid orders are folded: new buyers per day, annual
 * active consumers at each month (buyers who paid in that month or the eleven before) and the cohort cells (how many
 * of a month's or a year's new buyers paid in each later month or year). A fold reads the history of the buyers its
 * batch names, works out their history after the batch, and adds to each figure's row only the difference, so a
 * dashboard reads one row per day, month or cell whatever the number of buyers. Facts may come in any order (a
 * recompute folds them by order, not by day): a buyer whose first day moves earlier leaves one cohort for another.
 * The caller holds the fold's lock, so no two folds read the same buyer's history at once.
 */
@Component
class BuyerFigures {

    static final String MONTH = "month";
    static final String YEAR = "year";

    private final JdbcClient jdbc;

    BuyerFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A paid order's buyer and day. */
    record Paid(long buyerId, LocalDate day) {
    }

    /** Adds the paid orders of one fold to the buyer tables and the figures kept from them. */
    void add(Collection<Paid> paid) {
        if (paid.isEmpty()) {
            return;
        }
        Map<Long, History> before = histories(paid.stream().map(Paid::buyerId).distinct().toArray(Long[]::new));
        Map<Long, History> after = new HashMap<>(before);
        for (Paid p : paid) {
            after.merge(p.buyerId(), History.of(p.day()), History::plus);
        }
        Changes changes = new Changes();
        List<Long> buyers = new ArrayList<>();
        List<Date> firstDays = new ArrayList<>();
        List<Long> monthBuyers = new ArrayList<>();
        List<Date> months = new ArrayList<>();
        for (Map.Entry<Long, History> buyer : after.entrySet()) {
            History old = before.get(buyer.getKey());
            History now = buyer.getValue();
            if (now.equals(old)) {
                continue;
            }
            changes.replace(old, now);
            buyers.add(buyer.getKey());
            firstDays.add(Date.valueOf(now.first()));
            for (LocalDate month : now.months()) {
                if (old == null || !old.months().contains(month)) {
                    monthBuyers.add(buyer.getKey());
                    months.add(Date.valueOf(month));
                }
            }
        }
        if (buyers.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO insights.buyers AS b (buyer_id, first_day)
                SELECT * FROM unnest(CAST(:buyers AS bigint[]), CAST(:days AS date[]))
                ON CONFLICT (buyer_id) DO UPDATE SET first_day = EXCLUDED.first_day""")
                .param("buyers", buyers.toArray(Long[]::new)).param("days", firstDays.toArray(Date[]::new)).update();
        jdbc.sql("""
                INSERT INTO insights.buyer_months (month, buyer_id)
                SELECT * FROM unnest(CAST(:months AS date[]), CAST(:buyers AS bigint[]))""")
                .param("months", months.toArray(Date[]::new)).param("buyers", monthBuyers.toArray(Long[]::new))
                .update();
        addTo("daily_new_buyers", "day", changes.newBuyers);
        addTo("active_months", "month", changes.active);
        List<String> units = new ArrayList<>();
        List<Date> cohorts = new ArrayList<>();
        List<Date> periods = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        changes.cells.forEach((cell, delta) -> {
            if (delta != 0) {
                units.add(cell.unit());
                cohorts.add(Date.valueOf(cell.cohort()));
                periods.add(Date.valueOf(cell.period()));
                deltas.add(delta);
            }
        });
        jdbc.sql("""
                INSERT INTO insights.cohort_cells AS c (unit, cohort, period, buyers)
                SELECT * FROM unnest(CAST(:units AS text[]), CAST(:cohorts AS date[]), CAST(:periods AS date[]),
                                     CAST(:deltas AS bigint[]))
                ON CONFLICT (unit, cohort, period) DO UPDATE SET buyers = c.buyers + EXCLUDED.buyers""")
                .param("units", units.toArray(String[]::new)).param("cohorts", cohorts.toArray(Date[]::new))
                .param("periods", periods.toArray(Date[]::new)).param("deltas", deltas.toArray(Long[]::new))
                .update();
    }

    private void addTo(String table, String key, Map<LocalDate, Long> changes) {
        List<Date> keys = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        changes.forEach((day, delta) -> {
            if (delta != 0) {
                keys.add(Date.valueOf(day));
                deltas.add(delta);
            }
        });
        jdbc.sql("INSERT INTO insights." + table + " AS t (" + key + ", buyers)"
                + " SELECT * FROM unnest(CAST(:keys AS date[]), CAST(:deltas AS bigint[]))"
                + " ON CONFLICT (" + key + ") DO UPDATE SET buyers = t.buyers + EXCLUDED.buyers")
                .param("keys", keys.toArray(Date[]::new)).param("deltas", deltas.toArray(Long[]::new)).update();
    }

    private Map<Long, History> histories(Long[] buyers) {
        Map<Long, History> histories = new HashMap<>();
        jdbc.sql("""
                SELECT b.buyer_id, b.first_day, m.month
                FROM insights.buyers b JOIN insights.buyer_months m ON m.buyer_id = b.buyer_id
                WHERE b.buyer_id = ANY (CAST(:buyers AS bigint[]))""")
                .param("buyers", buyers)
                .query((rs, n) -> histories.merge(rs.getLong(1), new History(rs.getObject(2, LocalDate.class),
                        new TreeSet<>(List.of(rs.getObject(3, LocalDate.class)))), History::plus))
                .list();
        return histories;
    }

    /** A buyer's paid history: the first paid day and the first days of the months with a paid order. */
    record History(LocalDate first, NavigableSet<LocalDate> months) {

        static History of(LocalDate day) {
            return new History(day, new TreeSet<>(List.of(day.withDayOfMonth(1))));
        }

        History plus(History other) {
            NavigableSet<LocalDate> all = new TreeSet<>(months);
            all.addAll(other.months);
            return new History(first.isAfter(other.first) ? other.first : first, all);
        }
    }

    /** A cohort cell: buyers whose first paid day fell in {@code cohort} (a month or a year) who paid in {@code period}. */
    record Cell(String unit, LocalDate cohort, LocalDate period) {

        static final Comparator<Cell> ORDER = Comparator.comparing(Cell::unit).thenComparing(Cell::cohort)
                .thenComparing(Cell::period);
    }

    /** What each figure's rows gain or lose when buyers' histories are replaced. */
    static final class Changes {

        final Map<LocalDate, Long> newBuyers = new TreeMap<>();
        final Map<LocalDate, Long> active = new TreeMap<>();
        final Map<Cell, Long> cells = new TreeMap<>(Cell.ORDER);

        /** Takes a buyer's old history out of the figures (none: a new buyer) and puts the new one in. */
        void replace(@Nullable History old, History now) {
            if (old != null) {
                count(old, -1);
            }
            count(now, 1);
        }

        private void count(History history, long sign) {
            newBuyers.merge(history.first(), sign, Long::sum);
            NavigableSet<LocalDate> covered = new TreeSet<>();
            for (LocalDate month : history.months()) {
                for (int later = 0; later < 12; later++) {
                    covered.add(month.plusMonths(later));
                }
            }
            for (LocalDate month : covered) {
                active.merge(month, sign, Long::sum);
            }
            LocalDate cohortMonth = history.first().withDayOfMonth(1);
            LocalDate cohortYear = history.first().withDayOfYear(1);
            NavigableSet<LocalDate> years = new TreeSet<>();
            for (LocalDate month : history.months()) {
                cells.merge(new Cell(MONTH, cohortMonth, month), sign, Long::sum);
                years.add(month.withDayOfYear(1));
            }
            for (LocalDate year : years) {
                cells.merge(new Cell(YEAR, cohortYear, year), sign, Long::sum);
            }
        }
    }
}
