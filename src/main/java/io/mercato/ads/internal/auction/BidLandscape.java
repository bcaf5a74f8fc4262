package io.mercato.ads.internal.auction;

/**
 * A campaign's bid landscape over one day: for each multiplier of its plain bid ({@code pCVR × order value ÷ target
 * ROI}), the clicks, cost and GMV its auctions would have brought it, computed from the competitors' scores it met in
 * each auction it was eligible for (whether it bid or not). The next day's bid level is planned from it: the largest
 * multiplier whose expected ROI still reaches the target (with a margin) and whose expected spend fits the budget.
 *
 * <p>Not thread-safe: its campaign slot guards it.
 */
final class BidLandscape {

    /** Multipliers of the plain bid, geometric from 0.25 to 6. */
    static final double[] MULTIPLIERS = multipliers(0.25, 6.0, 28);
    /** The plan keeps this much above the target ROI: a shortfall costs quadratically in the score, excess little. */
    static final double ROI_MARGIN = 0.05;
    /** A plan needs at least this many expected clicks at its multiplier, or it is no plan. */
    static final double MIN_CLICKS = 3;

    private final double[] clicks = new double[MULTIPLIERS.length];
    private final double[] cost = new double[MULTIPLIERS.length];
    private final double[] value = new double[MULTIPLIERS.length];

    private static double[] multipliers(double from, double to, int count) {
        double[] m = new double[count];
        double ratio = Math.pow(to / from, 1.0 / (count - 1));
        for (int i = 0; i < count; i++) {
            m[i] = from * Math.pow(ratio, i);
        }
        return m;
    }

    /**
     * One auction the campaign was eligible for.
     *
     * @param plainBid the campaign's plain bid per click at that moment (minor units)
     * @param cap the most it would ever bid per click
     * @param pctr its predicted click-through rate at the top position of this placement
     * @param valuePerClick predicted GMV per click (pCVR × order value)
     * @param thresholds the bid per click that reaches each position (1, 2, …), highest first: a competitor's score
     *        divided by this campaign's pCTR × quality
     * @param count how many thresholds there are (fewer than the slots when fewer competitors bid)
     * @param slots the ad slots of the request
     * @param reserve the reserve price per click
     */
    void observe(double plainBid, long cap, double pctr, double valuePerClick, double[] thresholds, int count,
            int slots, long reserve) {
        for (int g = 0; g < MULTIPLIERS.length; g++) {
            double bid = Math.min(cap, Math.floor(plainBid * MULTIPLIERS[g]));
            if (bid < reserve || bid <= 0) {
                continue;
            }
            int position = 1;
            while (position - 1 < count && thresholds[position - 1] > bid) {
                position++;
            }
            if (position > slots) {
                continue;
            }
            double price = position - 1 < count ? Math.ceil(thresholds[position - 1]) : 0;
            price = Math.min(bid, Math.max(reserve, price));
            double c = pctr * RateModel.positionBias(position);
            clicks[g] += c;
            cost[g] += c * price;
            value[g] += c * valuePerClick;
        }
    }

    /**
     * The multiplier to bid with over a day like the one observed, interpolated between the grid's points; NaN when
     * the day gives too little evidence (no plan: the controllers alone set the bid).
     */
    double plan(double targetRoi, double budget) {
        double roi = targetRoi * (1 + ROI_MARGIN);
        int best = -1;
        for (int g = 0; g < MULTIPLIERS.length; g++) {
            if (feasible(g, roi, budget)) {
                best = g;
            }
        }
        if (best < 0 || clicks[best] < MIN_CLICKS) {
            return Double.NaN;
        }
        if (best + 1 == MULTIPLIERS.length) {
            return MULTIPLIERS[best];
        }
        // Between the last feasible point and the next, the largest share of the step that keeps both slacks.
        int next = best + 1;
        double share = Math.min(slackShare(value[best] - roi * cost[best], value[next] - roi * cost[next]),
                slackShare(budget - cost[best], budget - cost[next]));
        return MULTIPLIERS[best] * Math.pow(MULTIPLIERS[next] / MULTIPLIERS[best], share);
    }

    private boolean feasible(int g, double roi, double budget) {
        return clicks[g] > 0 && value[g] >= roi * cost[g] && cost[g] <= budget;
    }

    /** Where a slack that is {@code from} ≥ 0 at one point and {@code to} at the next crosses zero, as a share of the step. */
    private static double slackShare(double from, double to) {
        if (to >= 0) {
            return 1;
        }
        return Math.clamp(from / (from - to), 0, 1);
    }

    double clicksAt(int g) {
        return clicks[g];
    }

    double costAt(int g) {
        return cost[g];
    }

    double valueAt(int g) {
        return value[g];
    }
}
