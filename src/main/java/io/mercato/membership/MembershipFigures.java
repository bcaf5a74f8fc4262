package io.mercato.membership;

import io.mercato.platform.Actor;
import java.time.YearMonth;
import java.util.List;

/** The operator's 88VIP figures: members, joins, renewals, cancellations and churn by month, and join cohorts. */
public interface MembershipFigures {

    /**
     * The months {@code from} to {@code to} (in the marketplace's time zone), oldest first, and the cohorts of buyers
     * who first joined in them.
     *
     * @throws io.mercato.platform.ForbiddenException when the actor is not an operator
     * @throws io.mercato.platform.InvalidInputException naming {@code from} when it is after {@code to} or the span is
     *         over 36 months
     */
    Report report(Actor operator, YearMonth from, YearMonth to);

    /**
     * Buyers holding a term at the month's end (or now, for the month under way): the report's {@code members} of
     * that month, counted by the database rather than from every term.
     *
     * @throws io.mercato.platform.ForbiddenException when the actor is not an operator
     */
    long members(Actor operator, YearMonth month);

    /**
     * @param members buyers holding a term at the month's end (or now, for the month under way)
     * @param joins first joins and re-joins after a lapse bought in the month
     * @param renewals renewals bought ahead and automatic renewals in the month
     * @param cancellations terms cancelled in the month
     * @param churned memberships that ended in the month without a term following on
     */
    record Month(YearMonth month, long members, long joins, long renewals, long cancellations, long churned) {
    }

    /**
     * @param size buyers who first joined in the month
     * @param retainedBasisPoints for the join month and each later month up to {@code to}: the share of the cohort
     *     holding a term at that month's end (or now), in basis points (10000 = all)
     */
    record Cohort(YearMonth joined, long size, List<Integer> retainedBasisPoints) {

        public Cohort {
            retainedBasisPoints = List.copyOf(retainedBasisPoints);
        }
    }

    record Report(List<Month> months, List<Cohort> cohorts) {

        public Report {
            months = List.copyOf(months);
            cohorts = List.copyOf(cohorts);
        }
    }
}
