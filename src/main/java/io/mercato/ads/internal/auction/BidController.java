package io.mercato.ads.internal.auction;

/**
 * The two controllers of the auto-bidder, as pure steps run once per quarter hour of a campaign's traffic.
 *
 * <p>Pacing follows the spend curve: the budget share spent today against the share of the day's traffic that
 * has passed ({@link TrafficProfile}); ahead of the curve the factor shrinks, behind it grows back, by
 * {@code exp(gain × (trafficShare − spentShare))}, never above 1 (pacing only holds back) nor below
 * {@value #MIN_PACING}.
 *
 * <p>ROI feedback corrects the bid from the ROI achieved over the recent window (spend and GMV decayed by
 * {@value #WINDOW_DECAY} per step, a half-life of about two hours), smoothed with a pseudo-spend at the target:
 * {@code roi = (gmv + P·target) ÷ (spend + P)}; the factor moves by {@code (roi ÷ target)^gain}, between
 * {@value #MIN_ROI_FACTOR} and {@value #MAX_ROI_FACTOR}. Above the target it raises the bid (the campaign can
 * afford more traffic), below it lowers it.
 */
final class BidController {

    static final double PACING_GAIN = 4.0;
    static final double MIN_PACING = 0.02;
    static final double ROI_GAIN = 0.15;
    static final double MIN_ROI_FACTOR = 0.2;
    static final double MAX_ROI_FACTOR = 5.0;
    static final double WINDOW_DECAY = 0.92;

    private BidController() {
    }

    /** The next pacing factor, from the share of the budget spent and the share of the day's traffic passed. */
    static double pace(double pacing, double spentShare, double trafficShare) {
        double next = pacing * Math.exp(PACING_GAIN * (trafficShare - spentShare));
        return Math.clamp(next, MIN_PACING, 1.0);
    }

    /** The smoothed ROI of the recent window: the pseudo-spend holds it at the target until evidence builds up. */
    static double smoothedRoi(double windowGmv, double windowSpend, double targetRoi, double pseudoSpend) {
        return (windowGmv + pseudoSpend * targetRoi) / (windowSpend + pseudoSpend);
    }

    /** The next ROI factor: up when the achieved ROI exceeds the target, down when it falls short. */
    static double correct(double roiFactor, double achievedRoi, double targetRoi) {
        double next = roiFactor * Math.pow(Math.max(achievedRoi, 1e-6) / targetRoi, ROI_GAIN);
        return Math.clamp(next, MIN_ROI_FACTOR, MAX_ROI_FACTOR);
    }
}
