package io.mercato.ads.internal.auction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * One campaign inside the engine: the campaign itself, its counters and controller state (guarded by this
 * object's monitor), and its current {@link Quote}, an immutable snapshot the auction reads without locking.
 */
final class CampaignSlot {

    /** Pseudo-conversions at the seller's expected order value, against which observed order values are blended. */
    static final double K_ORDERS = 5;
    /** How many grid points of the landscape on either side of the current plan a control step tries. */
    static final int REPLAN_REACH = 3;

    /** What the auction needs of a campaign, published after every change. */
    record Quote(long bidMinor, double pctrSearch, double pctrFeed, LocalDate day, long remainingMinor,
            long controlStep) {

        double pctr(Placement placement) {
            return placement == Placement.SEARCH ? pctrSearch : pctrFeed;
        }

        /** The key category shelves sort by: the score of a category match, up to the constant quality. */
        double key(Placement placement) {
            return bidMinor * pctr(placement);
        }
    }

    final long id;
    private volatile AdCampaign campaign;
    private volatile Quote quote;
    /** The category shelf the campaign is filed on; set by the engine under its index lock. */
    volatile @Nullable Shelf shelf;

    private final RateModel model;
    private final TrafficProfile traffic;
    private final ZoneId zone;

    private LocalDate day = LocalDate.MIN;
    private long spentToday;
    private long earnedToday;
    private long impressions;
    private double clicks;
    private double expectedClicks;
    private double conversions;
    private long spend;
    private long gmv;
    private double windowSpend;
    private double windowGmv;
    private double pacing = 1.0;
    private double roiFactor = 1.0;
    private double pacingSum;
    private int pacingSteps;
    private long controlStep = Long.MIN_VALUE;
    private double pcvr;
    private long orderValue;
    /** A bid per click set by hand instead of the auto-bidder's, or -1. */
    private long fixedBid = -1;
    /** The local hour of the latest control step or event: its conversion factor applies to the bid. */
    private int hour = 12;
    /** Today's bid landscape, from every auction the campaign is eligible for. */
    private BidLandscape landscape = new BidLandscape();
    /** The multiplier of the plain bid planned for today from yesterday's landscape, or NaN without a plan. */
    private double planned = Double.NaN;
    /** Yesterday's landscape while today has a plan: each control step plans the rest of the day from it. */
    private @Nullable BidLandscape planFrom;
    /** The plan made at midnight, which a day behind its target ROI never bids above. */
    private double dayPlan = Double.NaN;

    CampaignSlot(AdCampaign campaign, RateModel model, TrafficProfile traffic, ZoneId zone) {
        this.id = campaign.campaignId();
        this.campaign = campaign;
        this.model = model;
        this.traffic = traffic;
        this.zone = zone;
        synchronized (this) {
            publish();
        }
    }

    AdCampaign campaign() {
        return campaign;
    }

    Quote quote() {
        return quote;
    }

    static long controlStep(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), TrafficProfile.SLOT_SECONDS);
    }

    synchronized void fixBid(long bidMinor) {
        fixedBid = bidMinor;
        publish();
    }

    synchronized void update(AdCampaign changed) {
        campaign = changed;
        publish();
    }

    void stock(boolean inStock) {
        AdCampaign c = campaign;
        if (c.inStock() != inStock) {
            synchronized (this) {
                campaign = campaign.withInStock(inStock);
            }
        }
    }

    /**
     * Brings the campaign to {@code at}: a new day resets today's spend (pacing restarts from yesterday's mean),
     * and every quarter hour passed runs one pacing and one ROI feedback step.
     */
    synchronized Quote control(Instant at) {
        long step = controlStep(at);
        if (step <= controlStep) {
            return quote;
        }
        rollOver(at);
        long steps = controlStep == Long.MIN_VALUE ? 0 : Math.min(8, step - controlStep);
        AdCampaign c = campaign;
        double target = c.targetRoi().doubleValue();
        for (long i = 0; i < steps; i++) {
            windowSpend *= BidController.WINDOW_DECAY;
            windowGmv *= BidController.WINDOW_DECAY;
        }
        if (steps > 0) {
            double spentShare = (double) spentToday / c.dailyBudgetMinor();
            if (planFrom == null) {
                // No plan: pacing along the platform's traffic finds the level, and ROI feedback corrects it.
                double trafficShare = traffic.elapsedShare(at, model::hourFactor);
                pacing = BidController.pace(pacing, spentShare, trafficShare);
                double pseudoSpend = Math.max(1.0, 10.0 * orderValue / target);
                roiFactor = BidController.correct(roiFactor,
                        BidController.smoothedRoi(windowGmv, windowSpend, target, pseudoSpend), target,
                        spentShare > trafficShare || pacing < 1);
                if (pacing < 1 && roiFactor > 1) {
                    // The budget binds: a raised ROI factor held back by pacing only makes the bid swing; fold it
                    // into pacing, same bid.
                    double product = pacing * roiFactor;
                    roiFactor = Math.max(1, product);
                    pacing = product / roiFactor;
                }
            } else {
                // The rest of the day planned again from the spend and GMV the day has brought so far (the ROI
                // achieved), along the campaign's own day as yesterday showed it at its bid level: when its
                // auctions come, not when the platform's do. Pacing holds back only a campaign whose budget left is
                // short of that day's share still to come.
                double hours = at.atZone(zone).toLocalTime().toSecondOfDay() / 3600.0;
                double costBefore = planFrom.costShareBefore(hours);
                double valueBefore = planFrom.valueShareBefore(hours);
                if (Double.isNaN(costBefore) || Double.isNaN(valueBefore)) {
                    costBefore = traffic.elapsedShare(at, model::hourFactor);
                    valueBefore = costBefore;
                }
                int g = BidLandscape.floorIndex(planned);
                double next = planFrom.replan(target, c.dailyBudgetMinor(), spentToday, earnedToday, 1 - costBefore,
                        1 - valueBefore, g - REPLAN_REACH, g + REPLAN_REACH + 1);
                if (!Double.isNaN(next)) {
                    planned = BidLandscape.follow(dayPlan, next, earnedToday, spentToday, target);
                }
                pacing = BidController.paceLeft(spentShare, costBefore);
            }
            pacingSum += pacing;
            pacingSteps++;
        }
        controlStep = step;
        publish();
        return quote;
    }

    private void rollOver(Instant at) {
        hour = at.atZone(zone).getHour();
        LocalDate date = at.atZone(zone).toLocalDate();
        if (date.isAfter(day)) {
            if (!day.equals(LocalDate.MIN)) {
                AdCampaign c = campaign;
                planned = date.equals(day.plusDays(1))
                        ? landscape.plan(c.targetRoi().doubleValue(), c.dailyBudgetMinor())
                        : Double.NaN;
                planFrom = Double.isNaN(planned) ? null : landscape;
                dayPlan = planned;
                if (Double.isNaN(planned)) {
                    pacing = pacingSteps == 0 ? 1.0 : Math.clamp(pacingSum / pacingSteps, BidController.MIN_PACING, 1.0);
                } else {
                    // The plan already fits the day's budget and ROI: pacing starts afresh around it, and the ROI
                    // factor stays out of it (planning the rest of the day again answers the ROI achieved).
                    pacing = 1.0;
                    roiFactor = 1.0;
                }
            }
            landscape = new BidLandscape(Double.isNaN(dayPlan) ? 1.0 : dayPlan);
            pacingSum = 0;
            pacingSteps = 0;
            spentToday = 0;
            earnedToday = 0;
            day = date;
        }
    }

    /**
     * An auction the campaign was eligible for, whether it bid or not: adds it to today's landscape.
     *
     * @param thresholds the bid per click that reaches each position, highest first ({@code count} of them)
     */
    synchronized void observe(Placement placement, double[] thresholds, int count, int slots, long reserve) {
        AdCampaign c = campaign;
        double target = c.targetRoi().doubleValue();
        Quote q = quote;
        landscape.observe(hour, pcvr * orderValue / target, (long) Math.floor(orderValue / target), q.pctr(placement),
                pcvr, pcvr * orderValue, thresholds, count, slots, reserve);
    }

    synchronized void impression(Placement placement, int position) {
        impressions++;
        long categoryId = campaign.categoryId();
        expectedClicks += model.categoryCtr(categoryId, placement) * RateModel.positionBias(position);
        model.impression(categoryId, placement, position);
        publish();
    }

    synchronized void click(Placement placement, long chargedMinor, Instant at) {
        rollOver(at);
        if (at.atZone(zone).toLocalDate().equals(day)) {
            spentToday += chargedMinor;
        }
        clicks++;
        spend += chargedMinor;
        windowSpend += chargedMinor;
        model.click(campaign.categoryId(), placement, at.atZone(zone).getHour());
        publish();
    }

    synchronized void conversion(long gmvMinor, Instant at) {
        conversions++;
        gmv += gmvMinor;
        if (at.atZone(zone).toLocalDate().equals(day)) {
            earnedToday += gmvMinor;
        }
        windowGmv += gmvMinor;
        model.conversion(campaign.categoryId(), at.atZone(zone).getHour());
        publish();
    }

    synchronized void restore(CampaignHistory history) {
        if (!history.day().isBefore(day)) {
            day = history.day();
            spentToday = history.spentTodayMinor();
        }
        long categoryId = campaign.categoryId();
        double prior = (model.categoryCtr(categoryId, Placement.SEARCH) + model.categoryCtr(categoryId, Placement.FEED)) / 2;
        impressions += history.impressions();
        expectedClicks += history.impressions() * prior;
        clicks += history.clicks();
        conversions += history.conversions();
        spend += history.spendMinor();
        gmv += history.gmvMinor();
        windowSpend += history.spendMinor();
        windowGmv += history.gmvMinor();
        model.restore(categoryId, history.impressions(), history.clicks(), history.conversions());
        publish();
    }

    /**
     * Recomputes the predictions and the bid: {@code pcvr × orderValue ÷ targetRoi × planned × pacing × roiFactor},
     * capped, where {@code planned} is the day's planned multiplier (1 without a plan).
     */
    private void publish() {
        AdCampaign c = campaign;
        long categoryId = c.categoryId();
        double target = c.targetRoi().doubleValue();
        pcvr = Math.min(RateModel.MAX_RATE, model.campaignCvr(categoryId, clicks, conversions) * model.hourFactor(hour));
        orderValue = Math.max(1, Math.round((gmv + K_ORDERS * c.expectedOrderValueMinor()) / (conversions + K_ORDERS)));
        double base = pcvr * orderValue / target;
        long remaining = Math.max(0, c.dailyBudgetMinor() - spentToday);
        // Never more per click than the budget left, nor than the order value allows at the target ROI if every
        // click bought.
        long cap = Math.min(remaining, (long) Math.floor(orderValue / target));
        long bid = fixedBid >= 0 ? Math.min(remaining, fixedBid) : Math.min(cap, Math.round(base * plannedOrOne() * pacing * roiFactor));
        quote = new Quote(Math.max(0, bid), model.campaignCtr(categoryId, Placement.SEARCH, clicks, expectedClicks),
                model.campaignCtr(categoryId, Placement.FEED, clicks, expectedClicks), day, remaining, controlStep);
    }

    private double plannedOrOne() {
        return Double.isNaN(planned) ? 1.0 : planned;
    }

    synchronized BidState state() {
        AdCampaign c = campaign;
        Quote q = quote;
        return new BidState(id, q.bidMinor(), pcvr, orderValue, c.targetRoi().doubleValue(), pacing, roiFactor,
                q.pctrSearch(), q.pctrFeed(), day, spentToday, c.dailyBudgetMinor(), impressions, Math.round(clicks),
                Math.round(conversions), spend, gmv, plannedOrOne());
    }
}
