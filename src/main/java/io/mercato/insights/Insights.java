package io.mercato.insights;

import io.mercato.platform.Actor;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The operator's numbers as docs/kpis.md defines them, read from the insights roll-ups only (never from the orders),
 * so each answer costs a few indexed reads whatever the number of orders. Every call but {@link #rollUp()} is for
 * operators.
 *
 * @see Activity the activity stream behind DAU and MAU
 */
public interface Insights {

    /** Segment name meaning every segment together. */
    String ALL = "ALL";

    /**
     * KPI rows of {@code from..to} (inclusive, marketplace days), one per period of the grain, oldest first; the first
     * and last period are cut to the range. Money figures are in {@code currency} (orders in other currencies are not
     * in them); the {@code gmvCny…} figures convert every currency to CNY.
     *
     * @param segment a store kind ({@code TAOBAO}, {@code TMALL}, …) or {@link #ALL}; for one segment the
     *     platform-wide figures (fees, ads, CMR, subsidies, memberships, buyers, merchants, activity) are null
     * @throws io.mercato.platform.ForbiddenException when the actor is not an operator
     * @throws io.mercato.platform.InvalidInputException naming {@code to}, {@code segment} or {@code currency}
     */
    List<KpiRow> kpis(Actor operator, LocalDate from, LocalDate to, Grain grain, String currency, String segment);

    /** GMV, refunds, revenue and adjusted profit per segment over {@code from..to}, in the currency. */
    List<SegmentRow> segments(Actor operator, LocalDate from, LocalDate to, String currency);

    /**
     * Cohort retention: buyers grouped by the month (or year) of their first paid order in {@code from..to}, and for
     * each later period up to the current one, the share of the cohort with a paid order in it.
     *
     * @param grain {@link Grain#MONTH} or {@link Grain#YEAR}
     */
    List<CohortRow> cohorts(Actor operator, YearMonth from, YearMonth to, Grain grain);

    /** The funnel visit → view → cart → order → pay over {@code from..to}. */
    Funnel funnel(Actor operator, LocalDate from, LocalDate to);

    /**
     * The quarterly results: headline numbers with growth on the quarter before and the same quarter a year before,
     * the segment table, and the KPI table of the three quarters.
     *
     * @param quarter as {@code 2026Q4}
     */
    QuarterReport quarter(Actor operator, String quarter, String currency);

    /**
     * Folds the facts counted since the last roll-up into the daily tables and takes the ledger's and stores' figures
     * of the days since they were last taken (the timers do both on their own); answers how many facts it folded.
     */
    int rollUp();

    /**
     * What a page calls before it reads, so it shows what was just counted: like {@link #rollUp()}, but folding at most
     * a few thousand facts, and none when a fold already running does not end within a moment (the timers work off a
     * backlog; the page reads what is rolled up so far). Answers how many facts it folded.
     */
    int rollUpForPage();

    /**
     * Takes the ledger's, stores' and ad clicks' figures of these days again: for postings written at past times after
     * those days were taken (a simulated history), which the taking of the days since the last one would not see.
     */
    void retakeBooked(java.time.LocalDate from, java.time.LocalDate to);

    /**
     * Rebuilds every roll-up from the sources (the orders, the ledger, the stores): what the events built, built
     * again. Payments wait while it runs; the activity stream is kept (it has no other source).
     */
    Recomputed recompute(Actor operator);

    record Recomputed(long orders, int days) {
    }

    /**
     * One period's KPIs; see docs/kpis.md for each definition. {@code adMerchants} is the merchants paying for ads per
     * day: a day's count, or for a longer period the average over its days, rounded down. Null where the figure has no meaning for the period
     * or selection (a take rate without GMV, platform-wide figures for one segment).
     */
    record KpiRow(String period, LocalDate from, LocalDate to, String segment, String currency, long placedOrders,
            long paidOrders, long gmvMinor, long refundedMinor, long gmvNetMinor, long aovMinor,
            @Nullable Double refundRate, long revenueMinor, @Nullable Long feeMinor, @Nullable Long adMinor,
            @Nullable Long cmrMinor, @Nullable Double takeRate, @Nullable Long subsidyMinor,
            @Nullable Long membershipRevenueMinor, @Nullable Long newBuyers, @Nullable Long newMerchants,
            @Nullable Long adMerchants,
            @Nullable Long annualActiveConsumers, @Nullable Long arpuMinor, @Nullable Long dau, @Nullable Long mau,
            @Nullable Long vipMembers, @Nullable Long gmvCnyReportedMinor, @Nullable Long gmvCnyConstantMinor) {
    }

    /**
     * @param gmvShare of the period's GMV in the currency, 0–1
     * @param adRevenueMinor the platform's ad revenue allotted by GMV share (ads are not booked by segment)
     * @param costMinor what the cost model charges the segment
     * @param adjustedProfitMinor revenue + allotted ad revenue − cost
     */
    record SegmentRow(String segment, long paidOrders, long gmvMinor, long refundedMinor, double gmvShare,
            long revenueMinor, long adRevenueMinor, long costMinor, long adjustedProfitMinor) {
    }

    /** @param retainedBasisPoints per period from the cohort's own (always 10000 when it has buyers) onwards */
    record CohortRow(String cohort, long size, List<Integer> retainedBasisPoints) {

        public CohortRow {
            retainedBasisPoints = List.copyOf(retainedBasisPoints);
        }
    }

    record Funnel(long visitors, long visits, long views, long carts, long placedOrders, long paidOrders) {
    }

    /**
     * @param qoq growth on the quarter before, as a ratio (0.12 is +12%), null when that quarter had nothing
     * @param yoy growth on the same quarter a year before
     */
    record Headline(String key, long value, boolean money, @Nullable Double qoq, @Nullable Double yoy) {
    }

    record QuarterReport(String quarter, LocalDate from, LocalDate to, String currency, List<Headline> headlines,
            List<SegmentRow> segments, List<KpiRow> kpis, CostModel costModel) {

        public QuarterReport {
            headlines = List.copyOf(headlines);
            segments = List.copyOf(segments);
            kpis = List.copyOf(kpis);
        }
    }

    /**
     * The documented cost model behind adjusted profit (docs/kpis.md), per segment in basis points: {@code gmvCostBp}
     * of the segment's GMV (payment processing, customer service, risk) and {@code revenueCostBp} of its revenue
     * (the goods the Supermarket sells, fulfilment), and the share of subsidy spend charged to segments by GMV.
     */
    record CostModel(java.util.Map<String, Integer> gmvCostBp, java.util.Map<String, Integer> revenueCostBp) {

        public CostModel {
            gmvCostBp = java.util.Map.copyOf(gmvCostBp);
            revenueCostBp = java.util.Map.copyOf(revenueCostBp);
        }
    }
}
