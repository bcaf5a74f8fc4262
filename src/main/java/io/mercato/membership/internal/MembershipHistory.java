package io.mercato.membership.internal;

import io.mercato.membership.MembershipFigures.Cohort;
import io.mercato.membership.MembershipFigures.Month;
import io.mercato.membership.MembershipFigures.Report;
import io.mercato.membership.Term;
import io.mercato.membership.Term.TermKind;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The operator's figures computed from every term: a pure function of the terms, the months, the instant and the
 * zone, so it is tested on a known history without a database.
 *
 * <ul>
 *   <li>A buyer is a member at an instant when a term covers it; a month's members are counted at its last instant
 *       (or now, for the month under way).</li>
 *   <li>A membership is a run of terms without a gap; it churns in the month its run ends (a cancelled term ends when
 *       it was cancelled), counted once the end has passed.</li>
 *   <li>A join is a term bought that starts a run; a renewal one that continues a run (bought ahead or
 *       automatically).</li>
 *   <li>A buyer's cohort is the month of their first join; retention in a later month is the share of the cohort who
 *       are members at that month's end.</li>
 * </ul>
 */
final class MembershipHistory {

    private MembershipHistory() {
    }

    static Report report(List<Term> all, YearMonth from, YearMonth to, Instant now, ZoneId zone) {
        Map<Long, List<Term>> byBuyer = all.stream().filter(t -> t.endsAt().isAfter(t.startsAt()) || t.cancelled())
                .collect(Collectors.groupingBy(Term::buyerAccountId, TreeMap::new, Collectors.toList()));
        Map<Long, List<Run>> runs = new TreeMap<>();
        byBuyer.forEach((buyer, terms) -> runs.put(buyer, runs(terms)));

        List<Month> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            Instant at = at(month, now, zone);
            long members = runs.values().stream().filter(r -> covered(r, at)).count();
            long joins = 0;
            long renewals = 0;
            long cancellations = 0;
            for (Term term : all) {
                if (within(term.purchasedAt(), start, end)) {
                    if (term.kind() == TermKind.JOIN) {
                        joins++;
                    } else {
                        renewals++;
                    }
                }
                if (term.cancelledAt() != null && within(term.cancelledAt(), start, end)) {
                    cancellations++;
                }
            }
            long churned = runs.values().stream().flatMap(List::stream)
                    .filter(run -> within(run.end(), start, end) && !run.end().isAfter(now)).count();
            months.add(new Month(month, members, joins, renewals, cancellations, churned));
        }

        Map<YearMonth, List<Long>> cohorts = new TreeMap<>();
        byBuyer.forEach((buyer, terms) -> terms.stream().filter(t -> t.kind() == TermKind.JOIN)
                .map(Term::purchasedAt).min(Comparator.naturalOrder())
                .map(first -> YearMonth.from(first.atZone(zone)))
                .filter(joined -> !joined.isBefore(from) && !joined.isAfter(to))
                .ifPresent(joined -> cohorts.computeIfAbsent(joined, m -> new ArrayList<>()).add(buyer)));
        List<Cohort> table = new ArrayList<>();
        cohorts.forEach((joined, buyers) -> {
            List<Integer> shares = new ArrayList<>();
            for (YearMonth month = joined; !month.isAfter(to) && !month.isAfter(YearMonth.from(now.atZone(zone)));
                    month = month.plusMonths(1)) {
                Instant at = at(month, now, zone);
                long still = buyers.stream().filter(buyer -> covered(runs.get(buyer), at)).count();
                shares.add((int) (still * 10_000 / buyers.size()));
            }
            table.add(new Cohort(joined, buyers.size(), shares));
        });
        return new Report(months, table);
    }

    /** The instant a month's members are counted at: its last microsecond, or now for the month under way. */
    static Instant at(YearMonth month, Instant now, ZoneId zone) {
        Instant last = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().minusNanos(1_000);
        return last.isAfter(now) ? now : last;
    }

    private static boolean within(Instant at, Instant start, Instant end) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    private static boolean covered(List<Run> runs, Instant at) {
        return runs.stream().anyMatch(run -> !run.start().isAfter(at) && run.end().isAfter(at));
    }

    record Run(Instant start, Instant end) {
    }

    /** The buyer's terms merged into runs without a gap, oldest first. */
    static List<Run> runs(List<Term> terms) {
        List<Term> sorted = terms.stream().filter(t -> t.endsAt().isAfter(t.startsAt()))
                .sorted(Comparator.comparing(Term::startsAt)).toList();
        List<Run> runs = new ArrayList<>();
        for (Term term : sorted) {
            if (!runs.isEmpty() && !term.startsAt().isAfter(runs.getLast().end())) {
                Run last = runs.removeLast();
                runs.add(new Run(last.start(), term.endsAt().isAfter(last.end()) ? term.endsAt() : last.end()));
            } else {
                runs.add(new Run(term.startsAt(), term.endsAt()));
            }
        }
        return runs;
    }
}
