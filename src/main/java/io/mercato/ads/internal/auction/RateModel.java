package io.mercato.ads.internal.auction;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Click and conversion rates learned online from the platform's own impressions, clicks and conversions, with
 * Beta smoothing toward a prior one level up (campaign → category → platform), and position bias corrected by
 * counting an impression at position {@code p} as {@code 1/√p} of an impression at the top.
 *
 * <ul>
 * <li>Platform CTR per placement: {@code (clicks + G·default) ÷ (examined + G)}.</li>
 * <li>Category CTR per placement: {@code (clicks + B·platform) ÷ (examined + B)}.</li>
 * <li>Campaign pCTR on a placement: category CTR × the campaign's lift, where lift = clicks over expected clicks
 * {@code (clicks + A) ÷ (expected + A)} and each impression adds its category CTR × position bias to
 * {@code expected} (COEC). The lift carries what a campaign learned on one placement to the other.</li>
 * <li>pCVR (per click): {@code (conversions + C·categoryCvr) ÷ (clicks + C)}, category and platform CVR smoothed the
 * same way, times the hour of day's factor: the platform's CVR in that hour over its CVR in all hours, smoothed with
 * {@value #H_CLICKS} pseudo-clicks at the overall rate and kept between ½ and 2 (shoppers in the evening buy more of
 * what they click than those browsing in the morning).</li>
 * </ul>
 * Thread-safe: the platform and category counters are guarded by their own monitors; campaign counters live in
 * {@link CampaignSlot}.
 */
final class RateModel {

    static final double DEFAULT_CTR_SEARCH = 0.02;
    static final double DEFAULT_CTR_FEED = 0.01;
    static final double DEFAULT_CVR = 0.03;
    /** Pseudo-counts: platform (examined impressions, clicks), category (examined impressions, clicks). */
    static final double G_IMPRESSIONS = 2_000;
    static final double B_IMPRESSIONS = 500;
    static final double A_CLICKS = 5;
    static final double E_CLICKS = 500;
    static final double D_CLICKS = 100;
    static final double C_CLICKS = 20;
    static final double MAX_RATE = 0.95;
    static final double H_CLICKS = 300;

    private final Counts platform = new Counts();
    /** Platform clicks and conversions per hour of day (0-23), guarded by {@code platform}. */
    private final double[] hourClicks = new double[24];
    private final double[] hourConversions = new double[24];
    private final ConcurrentHashMap<Long, Counts> categories = new ConcurrentHashMap<>();

    /** How much an impression at {@code position} (1 = top) is examined, relative to the top position. */
    static double positionBias(int position) {
        return position <= 1 ? 1.0 : 1.0 / Math.sqrt(position);
    }

    private Counts category(long categoryId) {
        return categories.computeIfAbsent(categoryId, id -> new Counts());
    }

    double platformCtr(Placement placement) {
        double prior = placement == Placement.SEARCH ? DEFAULT_CTR_SEARCH : DEFAULT_CTR_FEED;
        synchronized (platform) {
            int p = placement.ordinal();
            return (platform.clicks[p] + G_IMPRESSIONS * prior) / (platform.examined[p] + G_IMPRESSIONS);
        }
    }

    /** The category's click-through rate at the top position on a placement: the prior of its campaigns. */
    double categoryCtr(long categoryId, Placement placement) {
        double prior = platformCtr(placement);
        Counts c = categories.get(categoryId);
        if (c == null) {
            return prior;
        }
        synchronized (c) {
            int p = placement.ordinal();
            return Math.min(MAX_RATE, (c.clicks[p] + B_IMPRESSIONS * prior) / (c.examined[p] + B_IMPRESSIONS));
        }
    }

    double platformCvr() {
        synchronized (platform) {
            return (platform.conversions + E_CLICKS * DEFAULT_CVR) / (platform.allClicks() + E_CLICKS);
        }
    }

    double categoryCvr(long categoryId) {
        double prior = platformCvr();
        Counts c = categories.get(categoryId);
        if (c == null) {
            return prior;
        }
        synchronized (c) {
            return Math.min(MAX_RATE, (c.conversions + D_CLICKS * prior) / (c.allClicks() + D_CLICKS));
        }
    }

    /** A campaign's pCTR at the top of a placement, from its clicks and expected clicks (COEC lift). */
    double campaignCtr(long categoryId, Placement placement, double clicks, double expectedClicks) {
        double lift = (clicks + A_CLICKS) / (expectedClicks + A_CLICKS);
        return Math.min(MAX_RATE, categoryCtr(categoryId, placement) * lift);
    }

    double campaignCvr(long categoryId, double clicks, double conversions) {
        return Math.min(MAX_RATE, (conversions + C_CLICKS * categoryCvr(categoryId)) / (clicks + C_CLICKS));
    }

    void impression(long categoryId, Placement placement, int position) {
        double examined = positionBias(position);
        int p = placement.ordinal();
        synchronized (platform) {
            platform.examined[p] += examined;
        }
        Counts c = category(categoryId);
        synchronized (c) {
            c.examined[p] += examined;
        }
    }

    /** The hour of day's conversion factor: the platform's CVR in that hour ÷ its CVR over all hours. */
    double hourFactor(int hour) {
        synchronized (platform) {
            double all = (platform.conversions + E_CLICKS * DEFAULT_CVR) / (platform.allClicks() + E_CLICKS);
            double inHour = (hourConversions[hour] + H_CLICKS * all) / (hourClicks[hour] + H_CLICKS);
            return Math.clamp(inHour / all, 0.5, 2.0);
        }
    }

    void click(long categoryId, Placement placement, int hour) {
        int p = placement.ordinal();
        synchronized (platform) {
            platform.clicks[p]++;
            hourClicks[hour]++;
        }
        Counts c = category(categoryId);
        synchronized (c) {
            c.clicks[p]++;
        }
    }

    void conversion(long categoryId, int hour) {
        synchronized (platform) {
            platform.conversions++;
            hourConversions[hour]++;
        }
        Counts c = category(categoryId);
        synchronized (c) {
            c.conversions++;
        }
    }

    /**
     * Restored history whose placements and positions are not known: its impressions count as examined at the top
     * and, like its clicks, are shared between the placements in proportion to the platform's traffic so far.
     */
    void restore(long categoryId, long impressions, long clicks, long conversions) {
        Counts c = category(categoryId);
        synchronized (platform) {
            double searchShare = platform.examined[0] + platform.examined[1] == 0 ? 0.5
                    : platform.examined[0] / (platform.examined[0] + platform.examined[1]);
            add(platform, impressions, clicks, conversions, searchShare);
            synchronized (c) {
                add(c, impressions, clicks, conversions, searchShare);
            }
        }
    }

    private static void add(Counts counts, long impressions, long clicks, long conversions, double searchShare) {
        counts.examined[0] += impressions * searchShare;
        counts.examined[1] += impressions * (1 - searchShare);
        counts.clicks[0] += clicks * searchShare;
        counts.clicks[1] += clicks * (1 - searchShare);
        counts.conversions += conversions;
    }

    private static final class Counts {
        final double[] examined = new double[2];
        final double[] clicks = new double[2];
        double conversions;

        double allClicks() {
            return clicks[0] + clicks[1];
        }
    }
}
