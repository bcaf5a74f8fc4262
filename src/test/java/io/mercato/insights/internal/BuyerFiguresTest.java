package io.mercato.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.insights.internal.BuyerFigures.Cell;
import io.mercato.insights.internal.BuyerFigures.Changes;
import io.mercato.insights.internal.BuyerFigures.History;
import io.mercato.insights.internal.BuyerFigures.Paid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The buyer figures kept by differences equal the figures counted from scratch over the final histories, whatever
 * order the paid orders arrive in and however they are split into folds (seeded; the seed is in the message).
 */
class BuyerFiguresTest {

    private static final LocalDate START = LocalDate.of(2025, 11, 20);

    @Test
    void differencesAddUpToTheFiguresCountedFromScratch() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            List<Paid> paid = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(60); i < n; i++) {
                paid.add(new Paid(1 + random.nextInt(8), START.plusDays(random.nextInt(random.nextBoolean() ? 60 : 800))));
            }
            Collections.shuffle(paid, random);

            Map<Long, History> histories = new HashMap<>();
            Changes kept = new Changes();
            for (int from = 0; from < paid.size(); ) {
                int to = Math.min(paid.size(), from + 1 + random.nextInt(10));
                Map<Long, History> after = new HashMap<>(histories);
                for (Paid p : paid.subList(from, to)) {
                    after.merge(p.buyerId(), History.of(p.day()), History::plus);
                }
                for (Map.Entry<Long, History> buyer : after.entrySet()) {
                    if (!buyer.getValue().equals(histories.get(buyer.getKey()))) {
                        kept.replace(histories.get(buyer.getKey()), buyer.getValue());
                    }
                }
                histories = after;
                from = to;
            }

            String context = "seed " + seed + ", paid " + paid;
            assertThat(nonZero(kept.newBuyers)).as(context).isEqualTo(newBuyers(paid));
            assertThat(nonZero(kept.active)).as(context).isEqualTo(annualActive(paid));
            assertThat(nonZero(kept.cells)).as(context).isEqualTo(cells(paid));
        }
    }

    @Test
    void aBuyerWhoseFirstOrderArrivesLastMovesToTheEarlierCohort() {
        Changes kept = new Changes();
        History march = History.of(LocalDate.of(2026, 3, 5));
        kept.replace(null, march);
        History withJanuary = march.plus(History.of(LocalDate.of(2026, 1, 9)));
        kept.replace(march, withJanuary);

        assertThat(nonZero(kept.newBuyers)).containsExactly(Map.entry(LocalDate.of(2026, 1, 9), 1L));
        assertThat(nonZero(kept.cells)).containsOnly(
                Map.entry(new Cell("month", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)), 1L),
                Map.entry(new Cell("month", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1)), 1L),
                Map.entry(new Cell("year", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)), 1L));
        // Active from January 2026 through February 2027 (March's order keeps the buyer two months longer).
        assertThat(nonZero(kept.active)).hasSize(14).containsKeys(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 2, 1))
                .doesNotContainKey(LocalDate.of(2027, 3, 1));
    }

    private static <K> Map<K, Long> nonZero(Map<K, Long> counts) {
        Map<K, Long> result = new HashMap<>();
        counts.forEach((key, count) -> {
            if (count != 0) {
                result.put(key, count);
            }
        });
        return result;
    }

    private static Map<Long, LocalDate> firstDays(List<Paid> paid) {
        Map<Long, LocalDate> first = new HashMap<>();
        for (Paid p : paid) {
            first.merge(p.buyerId(), p.day(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return first;
    }

    private static Map<LocalDate, Long> newBuyers(List<Paid> paid) {
        Map<LocalDate, Long> counts = new HashMap<>();
        firstDays(paid).values().forEach(day -> counts.merge(day, 1L, Long::sum));
        return counts;
    }

    /** For every month, the buyers with a paid order in it or in the eleven months before. */
    private static Map<LocalDate, Long> annualActive(List<Paid> paid) {
        Map<LocalDate, Long> counts = new TreeMap<>();
        for (LocalDate month = START.withDayOfMonth(1); month.isBefore(START.plusYears(4)); month = month.plusMonths(1)) {
            Set<Long> buyers = new HashSet<>();
            for (Paid p : paid) {
                LocalDate paidMonth = p.day().withDayOfMonth(1);
                if (!paidMonth.isAfter(month) && paidMonth.isAfter(month.minusMonths(12))) {
                    buyers.add(p.buyerId());
                }
            }
            if (!buyers.isEmpty()) {
                counts.put(month, (long) buyers.size());
            }
        }
        return counts;
    }

    private static Map<Cell, Long> cells(List<Paid> paid) {
        Map<Long, LocalDate> first = firstDays(paid);
        Map<Cell, Set<Long>> buyers = new HashMap<>();
        for (Paid p : paid) {
            LocalDate firstDay = first.get(p.buyerId());
            buyers.computeIfAbsent(new Cell("month", firstDay.withDayOfMonth(1), p.day().withDayOfMonth(1)),
                    c -> new HashSet<>()).add(p.buyerId());
            buyers.computeIfAbsent(new Cell("year", firstDay.withDayOfYear(1), p.day().withDayOfYear(1)),
                    c -> new HashSet<>()).add(p.buyerId());
        }
        Map<Cell, Long> counts = new HashMap<>();
        buyers.forEach((cell, set) -> counts.put(cell, (long) set.size()));
        return counts;
    }
}
