package io.mercato.ads.internal.auction;

/**
 * A campaign's bid landscape over one day: for each multiplier of its plain bid ({@code pCVR × order value ÷ target
 * ROI}), the clicks, cost and GMV its auctions would have brought it, computed from the competitors' scores it met in
 * each auction it was eligible for (whether it bid or not). The next day's bid level is planned from it: the
 * multiplier whose expected spend fits the budget and whose expected score is highest, the score being the one the
 * advertiser is served by: GMV × min(1, achieved ROI ÷ target ROI)². The expectation is over the day's conversions,
 * a Poisson count around the expected one: a campaign with hundreds of expected conversions plans about where its
 * expected ROI meets the target; one with a handful plans higher (a day without a conversion scores nothing at any
 * bid, a lucky one often reaches the target anyway).
 *
 * <p>At the day's own bid level it also keeps the cost and GMV by hour of day: when the campaign's auctions come
 * (not the platform's), along which the next day's rest is planned and its pacing runs.
 *
 * <p>Not thread-safe: its campaign slot guards it.
 */
final class BidLandscape {

    /** Multipliers of the plain bid, geometric from 0.25 to 6. */
    static final double[] MULTIPLIERS = multipliers(0.25, 6.0, 28);
    /** Points tried between two multipliers of the grid, their figures interpolated. */
    static final int STEPS = 8;
    /** Expected scores this close count as equal. */
    static final double TIE = 1e-9;
    /** From this many expected conversions on, the expected score takes the normal approximation (41 terms). */
    static final double NORMAL_FROM = 50;
    /** A plan needs at least this many expected clicks at its multiplier, or it is no plan. */
    static final double MIN_CLICKS = 3;

    private final double[] clicks = new double[MULTIPLIERS.length];
    private final double[] cost = new double[MULTIPLIERS.length];
    private final double[] value = new double[MULTIPLIERS.length];
    private final double[] conversions = new double[MULTIPLIERS.length];
    /** The multiplier the day is bid at, whose cost and value are also kept by hour of day (floats: shares). */
    private final double profileMultiplier;
    private double profileClicks;
    private final float[] hourCost = new float[24];
    private final float[] hourValue = new float[24];

    /** A landscape whose hourly profile is kept at the plain bid. */
    BidLandscape() {
        this(1.0);
    }

    /** A landscape whose hourly profile is kept at {@code profileMultiplier} × the plain bid (the day's plan). */
    BidLandscape(double profileMultiplier) {
        this.profileMultiplier = profileMultiplier;
    }

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
     * @param hour the local hour of day of the auction (0–23)
     * @param plainBid the campaign's plain bid per click at that moment (minor units)
     * @param cap the most it would ever bid per click
     * @param pctr its predicted click-through rate at the top position of this placement
     * @param pcvr its predicted conversions per click
     * @param valuePerClick predicted GMV per click (pCVR × order value)
     * @param thresholds the bid per click that reaches each position (1, 2, …), highest first: a competitor's score
     *        divided by this campaign's pCTR × quality
     * @param count how many thresholds there are (fewer than the slots when fewer competitors bid)
     * @param slots the ad slots of the request
     * @param reserve the reserve price per click
     */
    void observe(int hour, double plainBid, long cap, double pctr, double pcvr, double valuePerClick,
            double[] thresholds, int count, int slots, long reserve) {
        for (int g = 0; g < MULTIPLIERS.length; g++) {
            double bid = Math.min(cap, Math.floor(plainBid * MULTIPLIERS[g]));
            int position = position(bid, thresholds, count, slots, reserve);
            if (position > 0) {
                double c = pctr * RateModel.positionBias(position);
                double price = price(bid, position, thresholds, count, reserve);
                clicks[g] += c;
                cost[g] += c * price;
                value[g] += c * valuePerClick;
                conversions[g] += c * pcvr;
            }
        }
        double bid = Math.min(cap, Math.floor(plainBid * profileMultiplier));
        int position = position(bid, thresholds, count, slots, reserve);
        if (position > 0) {
            double c = pctr * RateModel.positionBias(position);
            profileClicks += c;
            hourCost[hour] += (float) (c * price(bid, position, thresholds, count, reserve));
            hourValue[hour] += (float) (c * valuePerClick);
        }
    }

    /** The position a bid per click reaches (1 = top), or 0 when it is shown in none. */
    private static int position(double bid, double[] thresholds, int count, int slots, long reserve) {
        if (bid < reserve || bid <= 0) {
            return 0;
        }
        int position = 1;
        while (position - 1 < count && thresholds[position - 1] > bid) {
            position++;
        }
        return position > slots ? 0 : position;
    }

    /** The second price per click at {@code position}: the next threshold, at least the reserve, at most the bid. */
    private static double price(double bid, int position, double[] thresholds, int count, long reserve) {
        double price = position - 1 < count ? Math.ceil(thresholds[position - 1]) : 0;
        return Math.min(bid, Math.max(reserve, price));
    }

    /**
     * The share of the day's cost at the day's bid level that came before {@code hours} (local time in hours,
     * 0–24), or NaN when the day brought too few clicks at that level to tell.
     */
    double costShareBefore(double hours) {
        return shareBefore(hourCost, hours);
    }

    /** As {@link #costShareBefore}, for the GMV the clicks were worth. */
    double valueShareBefore(double hours) {
        return shareBefore(hourValue, hours);
    }

    private double shareBefore(float[] figure, double hours) {
        double total = 0;
        for (int h = 0; h < 24; h++) {
            total += figure[h];
        }
        if (profileClicks < MIN_CLICKS || total <= 0) {
            return Double.NaN;
        }
        int hour = Math.clamp((int) Math.floor(hours), 0, 23);
        double before = Math.clamp(hours - hour, 0.0, 1.0) * figure[hour];
        for (int h = 0; h < hour; h++) {
            before += figure[h];
        }
        return before / total;
    }

    /**
     * The multiplier to bid with over a day like the one observed: of the grid's points and {@value #STEPS} points
     * between each two (figures interpolated), the one with the highest expected score whose expected spend fits the
     * budget. NaN when the day gives too little evidence (no plan: the controllers alone set the bid).
     */
    double plan(double targetRoi, double budget) {
        return replan(targetRoi, budget, 0, 0, 1, 1, 0, MULTIPLIERS.length - 1);
    }

    /**
     * The plan for the rest of a day like the one observed, given what the day has brought so far: the multiplier
     * whose expected score for the whole day is highest, its spend within the budget. Only the points between grid
     * points {@code from} and {@code to} are tried (the neighbourhood of the current plan during the day).
     *
     * @param spent what the campaign has spent today
     * @param earned the GMV attributed to it today
     * @param restCost the share of the observed day's cost still to come today, 0–1
     * @param restValue the share of its GMV still to come
     */
    double replan(double targetRoi, double budget, double spent, double earned, double restCost, double restValue,
            int from, int to) {
        int first = Math.max(0, from) * STEPS;
        int last = Math.min(to, MULTIPLIERS.length - 1) * STEPS;
        double[] scores = new double[last - first + 1];
        double best = 0;
        for (int p = first; p <= last; p++) {
            double spend = spent + restCost * between(cost, p);
            double gmv = restValue * between(value, p);
            double n = restValue * between(conversions, p);
            if (spend <= budget && earned + gmv > 0 && spend > 0) {
                scores[p - first] = expectedScore(earned, spend, gmv, n, targetRoi);
                best = Math.max(best, scores[p - first]);
            }
        }
        // Of equal scores (a stretch where a higher bid wins nothing more and costs nothing more) the highest bid:
        // it keeps its positions if competitors bid a little more tomorrow.
        for (int p = last; p >= first && best > 0; p--) {
            if (scores[p - first] >= best * (1 - TIE)) {
                return between(clicks, p) < MIN_CLICKS ? Double.NaN : multiplierAt(p);
            }
        }
        return Double.NaN;
    }

    /** A figure at point {@code p} of the fine grid ({@value #STEPS} points to a step of the multipliers). */
    private static double between(double[] figure, int p) {
        int g = p / STEPS;
        int h = Math.min(g + 1, figure.length - 1);
        double f = (double) (p % STEPS) / STEPS;
        return figure[g] + f * (figure[h] - figure[g]);
    }

    /** The multiplier at point {@code p} of the fine grid, geometric between the grid's points as they are. */
    private static double multiplierAt(int p) {
        int g = p / STEPS;
        int h = Math.min(g + 1, MULTIPLIERS.length - 1);
        return MULTIPLIERS[g] * Math.pow(MULTIPLIERS[h] / MULTIPLIERS[g], (double) (p % STEPS) / STEPS);
    }

    /**
     * The plan a campaign follows for the rest of the day, given the one {@link #replan} found. Ahead of its target
     * ROI (or before it has spent anything) it is that one: a lucky morning lets the campaign buy more. Behind the
     * target it never rises above the day's plan: the score alone would often bid up there, a gamble on the
     * afternoon's conversions making up the shortfall, which no advertiser who set a target wants made with its money.
     */
    static double follow(double dayPlan, double replanned, double earned, double spent, double targetRoi) {
        return earned < targetRoi * spent ? Math.min(dayPlan, replanned) : replanned;
    }

    /** The index of the grid point at or below {@code multiplier}. */
    static int floorIndex(double multiplier) {
        int g = 0;
        while (g + 1 < MULTIPLIERS.length && MULTIPLIERS[g + 1] <= multiplier * (1 + 1e-12)) {
            g++;
        }
        return g;
    }

    /**
     * The day's expected score, E[G × min(1, G ÷ (spend × target))²] with G = {@code earned} + k × the order value,
     * the conversions still to come k a Poisson count of mean {@code n} bringing {@code gmv} on average.
     *
     * @param earned the GMV the day has already brought
     * @param spend the day's whole spend, so far and to come
     * @param gmv the GMV expected from the rest of the day
     * @param n the conversions expected from the rest of the day
     */
    static double expectedScore(double earned, double spend, double gmv, double n, double targetRoi) {
        double scale = spend * targetRoi;
        if (n <= 0) {
            return score(earned, scale);
        }
        double orderValue = gmv / n;
        if (n > NORMAL_FROM) {
            // Many conversions: the Poisson count is all but normal; its density at 41 points from −5σ to +5σ.
            double sd = Math.sqrt(n);
            double total = 0;
            double sum = 0;
            for (int i = -20; i <= 20; i++) {
                double z = i / 4.0;
                double w = Math.exp(-z * z / 2);
                total += w;
                sum += w * score(earned + Math.max(0, n + z * sd) * orderValue, scale);
            }
            return sum / total;
        }
        // Poisson weights relative to the mode, summed over the range that carries nearly all of the mass.
        int mode = (int) Math.floor(n);
        int spread = (int) Math.ceil(6 * Math.sqrt(n)) + 6;
        int from = Math.max(0, mode - spread);
        int to = mode + spread;
        double total = 0;
        double sum = 0;
        double w = 1;
        for (int k = mode; k >= from; k--) {
            total += w;
            sum += w * score(earned + k * orderValue, scale);
            w *= k / n;
        }
        w = 1;
        for (int k = mode + 1; k <= to; k++) {
            w *= n / k;
            total += w;
            sum += w * score(earned + k * orderValue, scale);
        }
        return sum / total;
    }

    /** G × min(1, G ÷ scale)², scale being the spend × the target ROI. */
    private static double score(double gmv, double scale) {
        double a = Math.min(1, gmv / scale);
        return gmv * a * a;
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
