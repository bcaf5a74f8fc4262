package io.mercato.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.membership.MembershipFigures.Cohort;
import io.mercato.membership.MembershipFigures.Month;
import io.mercato.membership.MembershipFigures.Report;
import io.mercato.membership.Term;
import io.mercato.membership.Term.TermKind;
import io.mercato.membership.VipMembership;
import io.mercato.platform.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The operator's figures from a known history of terms. */
class MembershipHistoryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final List<Term> terms = new ArrayList<>();
    private long ids;

    private static Instant day(String date) {
        return LocalDate.parse(date).atTime(12, 0).atZone(ZONE).toInstant();
    }

    private Term term(long buyer, TermKind kind, String starts, String bought, @Nullable String cancelled) {
        Instant start = day(starts);
        Instant end = cancelled == null ? start.atOffset(ZoneOffset.UTC).plusYears(1).toInstant() : day(cancelled);
        Term term = new Term(++ids, buyer, kind, start, end, Money.of(8_800, "CNY"), 1_000, day(bought),
                day(bought).plus(VipMembership.COOLING_OFF), cancelled == null ? null : day(cancelled));
        terms.add(term);
        return term;
    }

    @Test
    void joinsRenewalsCancellationsChurnAndCohortsFromAKnownHistory() {
        // January 2026: buyers 1, 2, 3 join; 3 cancels within a week. February: 4 joins.
        term(1, TermKind.JOIN, "2026-01-05", "2026-01-05", null);
        term(2, TermKind.JOIN, "2026-01-10", "2026-01-10", null);
        term(3, TermKind.JOIN, "2026-01-20", "2026-01-20", "2026-01-25");
        term(4, TermKind.JOIN, "2026-02-03", "2026-02-03", null);
        // Buyer 1 renews ahead in December (its renewal starts on 2027-01-05); buyer 2 lets its year run out.
        term(1, TermKind.RENEWAL, "2027-01-05", "2026-12-20", null);
        // Buyer 3 comes back in March 2026 after lapsing: a join, still in the January cohort.
        term(3, TermKind.JOIN, "2026-03-01", "2026-03-01", null);

        Report report = MembershipHistory.report(terms, YearMonth.of(2026, 1), YearMonth.of(2027, 2),
                day("2027-02-15"), ZONE);

        Month january = report.months().getFirst();
        assertThat(january).isEqualTo(new Month(YearMonth.of(2026, 1), 2, 3, 0, 1, 1));
        assertThat(report.months().get(1)).isEqualTo(new Month(YearMonth.of(2026, 2), 3, 1, 0, 0, 0));
        assertThat(report.months().get(2)).isEqualTo(new Month(YearMonth.of(2026, 3), 4, 1, 0, 0, 0));
        assertThat(report.months().get(11)).as("December 2026: buyer 1 renews")
                .isEqualTo(new Month(YearMonth.of(2026, 12), 4, 0, 1, 0, 0));
        // January 2027: buyer 2's year ends on the 10th, without a renewal; buyer 1 continues.
        assertThat(report.months().get(12)).isEqualTo(new Month(YearMonth.of(2027, 1), 3, 0, 0, 0, 1));
        // February 2027 (under way on the 15th): buyer 4's year ended on the 3rd.
        assertThat(report.months().get(13)).isEqualTo(new Month(YearMonth.of(2027, 2), 2, 0, 0, 0, 1));

        List<Cohort> cohorts = report.cohorts();
        assertThat(cohorts).extracting(Cohort::joined, Cohort::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 1), 3L),
                        org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 2), 1L));
        List<Integer> january2026 = cohorts.getFirst().retainedBasisPoints();
        assertThat(january2026).hasSize(14);
        assertThat(january2026.get(0)).as("3 cancelled in January: 2 of 3").isEqualTo(6_666);
        assertThat(january2026.get(2)).as("3 back in March: all").isEqualTo(10_000);
        assertThat(january2026.get(12)).as("January 2027: 2 lapsed").isEqualTo(6_666);
        assertThat(cohorts.get(1).retainedBasisPoints()).hasSize(13).startsWith(10_000).endsWith(0);
    }

    @Test
    void aTermCancelledBeforeItBeganCountsAsACancellationOnly() {
        term(7, TermKind.JOIN, "2026-01-05", "2026-01-05", null);
        Term renewal = new Term(++ids, 7, TermKind.RENEWAL, day("2027-01-05"), day("2027-01-05"),
                Money.of(8_800, "CNY"), 1_000, day("2026-12-20"), day("2026-12-27"), day("2026-12-22"));
        terms.add(renewal);
        Report report = MembershipHistory.report(terms, YearMonth.of(2026, 12), YearMonth.of(2027, 1), day("2027-01-20"),
                ZONE);
        assertThat(report.months()).containsExactly(new Month(YearMonth.of(2026, 12), 1, 0, 1, 1, 0),
                new Month(YearMonth.of(2027, 1), 0, 0, 0, 0, 1));
    }
}
