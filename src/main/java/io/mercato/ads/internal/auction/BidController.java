package io.mercato.ads.internal.auction;

/**
 * The two controllers of the auto-bidder, as pure steps run once per quarter hour of a campaign's traffic.
 *
 * <p>Pacing follows the spend curve: the budget share spent today against the share of the day's value that has
 * passed ({@link TrafficProfile}, traffic weighted by each hour's conversion factor); ahead of the curve the factor
 * shrinks, behind it grows back, by {@code exp(gain × (trafficShare − spentShare))}, never above 1 (pacing only
 * holds back) nor below {@value #MIN_PACING}.
 *
 * <p>ROI feedback corrects the bid from the ROI achieved over the recent window (spend and GMV decayed by
 * {@value #WINDOW_DECAY} per step, a half-life of about two hours), smoothed with a pseudo-spend at the target:
 * {@code roi = (gmv + P·target) ÷ (spend + P)}. Within {@value #ROI_LOW}–{@value #ROI_HIGH} × target it leaves the
 * factor alone; outside, the factor moves by {@code (roi ÷ band edge)^gain}, between {@value #MIN_ROI_FACTOR} and
 * {@value #MAX_ROI_FACTOR}: above the band it raises the bid (the campaign can afford more traffic), below it
 * lowers it. The band keeps the controller from chasing the noise of a few conversions.
 */
final class BidController {

    static final double PACING_GAIN = 4.0;
    static final double MIN_PACING = 0.02;
    static final double LEFT_GAIN = 2.0;
    static final double ROI_GAIN = 0.12;
    static final double ROI_LOW = 0.7;
    static final double ROI_HIGH = 1.3;
    static final double MIN_ROI_FACTOR = 0.2;
    static final double MAX_ROI_FACTOR = 3.0;
    static final double WINDOW_DECAY = 0.92;

    private BidController() {
    }

    /** The next pacing factor, from the share of the budget spent and the share of the day's traffic passed. */
    static double pace(double pacing, double spentShare, double trafficShare) {
        double next = pacing * Math.exp(PACING_GAIN * (trafficShare - spentShare));
        return Math.clamp(next, MIN_PACING, 1.0);
    }

    /**
     * Pacing on a day with a plan: the share of the budget left against the share of the campaign's own day still
     * to come, squared ({@value #LEFT_GAIN}), never above 1 nor below {@value #MIN_PACING}. It holds back only a
     * campaign whose budget would run out before its day does, in proportion to the shortfall now, rather than
     * adding up every step's lead: a morning a few per cent ahead of the curve does not throttle the afternoon.
     */
    static double paceLeft(double spentShare, double dayShare) {
        double ratio = Math.min(1, Math.max(0, 1 - spentShare) / Math.max(1e-9, 1 - dayShare));
        return Math.clamp(Math.pow(ratio, LEFT_GAIN), MIN_PACING, 1.0);
    }

    /** The smoothed ROI of the recent window: the pseudo-spend holds it at the target until evidence builds up. */
    static double smoothedRoi(double windowGmv, double windowSpend, double targetRoi, double pseudoSpend) {
        return (windowGmv + pseudoSpend * targetRoi) / (windowSpend + pseudoSpend);
    }

    /**
     * The next ROI factor: down when the achieved ROI falls below {@value #ROI_LOW} × the target, up when it exceeds
     * {@value #ROI_HIGH} × the target, but never up while the campaign spends ahead of its budget curve: there a higher bid would only buy the same
     * budget's clicks dearer.
     */
    static double correct(double roiFactor, double achievedRoi, double targetRoi, boolean aheadOfBudget) {
        double ratio = Math.max(achievedRoi, 1e-6) / targetRoi;
        double error = ratio < ROI_LOW ? ratio / ROI_LOW : ratio > ROI_HIGH ? ratio / ROI_HIGH : 1.0;
        double next = roiFactor * Math.pow(error, ROI_GAIN);
        if (aheadOfBudget) {
            next = Math.min(roiFactor, next);
        }
        return Math.clamp(next, MIN_ROI_FACTOR, MAX_ROI_FACTOR);
    }
}
