package io.mercato.ads.internal.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BidLandscapeTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void eachMultiplierGetsThePositionAndSecondPriceItsBidWouldHaveHad() {
        BidLandscape landscape = new BidLandscape();
        // Two competitors: reaching position 1 needs a bid of 300 per click, position 2 needs 120; two slots.
        landscape.observe(12, 100, 10_000, 0.1, 0.05, 500, new double[] {300, 120}, 2, 2, 5);

        int[] seen = new int[3];
        for (int g = 0; g < BidLandscape.MULTIPLIERS.length; g++) {
            double bid = Math.floor(100 * BidLandscape.MULTIPLIERS[g]);
            int position = bid >= 300 ? 1 : bid >= 120 ? 2 : 0;
            seen[position]++;
            double clicks = position == 0 ? 0 : 0.1 * RateModel.positionBias(position);
            double price = position == 1 ? 300 : 120;
            assertThat(landscape.clicksAt(g)).as("clicks at a bid of %s", bid).isCloseTo(clicks, within(1e-12));
            assertThat(landscape.costAt(g)).as("cost at a bid of %s", bid).isCloseTo(clicks * price, within(1e-9));
            assertThat(landscape.valueAt(g)).as("value at a bid of %s", bid).isCloseTo(clicks * 500, within(1e-9));
        }
        assertThat(seen).as("the grid reaches no slot, the second and the first").doesNotContain(0);
    }

    @Test
    void withFewerCompetitorsThanSlotsTheFreeSlotCostsTheReservePrice() {
        BidLandscape landscape = new BidLandscape();
        landscape.observe(12, 100, 10_000, 0.2, 0.04, 400, new double[] {1_000, 0}, 1, 3, 7);

        int g = BidLandscape.floorIndex(1.0);
        assertThat(landscape.clicksAt(g)).isCloseTo(0.2 * RateModel.positionBias(2), within(1e-12));
        assertThat(landscape.costAt(g)).isCloseTo(0.2 * RateModel.positionBias(2) * 7, within(1e-9));
    }

    /** A day of 1,000 auctions, each with one competitor whose threshold rises across the day from 50 to 250. */
    static BidLandscape risingCompetitor(double pctr, double pcvr, double orderValue) {
        BidLandscape landscape = new BidLandscape();
        for (int k = 0; k < 1_000; k++) {
            landscape.observe(k * 24 / 1_000, 100, 1_000_000, pctr, pcvr, pcvr * orderValue, new double[] {50 + 0.2 * k}, 1, 1,
                    5);
        }
        return landscape;
    }

    @Test
    void thePlanHasTheBestExpectedScoreOfTheLevelsWithinTheBudget() {
        // Higher bids win more auctions, each at the competitor's price; a click is worth 300.
        // Hundreds of expected conversions: the best level is where the expected ROI meets the target.
        BidLandscape landscape = risingCompetitor(0.5, 0.9, 300 / 0.9);
        double target = 2.5;
        double unlimited = landscape.plan(target, 1e12);
        double tight = landscape.plan(target, 300);

        int g = BidLandscape.floorIndex(unlimited);
        assertThat(g).as("the plan lies inside the grid").isBetween(1, BidLandscape.MULTIPLIERS.length - 2);
        double planned = scoreAt(landscape, unlimited, target);
        for (int i = 0; i < BidLandscape.MULTIPLIERS.length; i++) {
            if (landscape.costAt(i) == 0) {
                continue;
            }
            assertThat(planned).as("against the grid's point %s", i).isGreaterThanOrEqualTo(BidLandscape.expectedScore(
                    0, landscape.costAt(i), landscape.valueAt(i), landscape.valueAt(i) * 0.9 / 300, target));
        }
        // A budget that binds plans a lower level whose expected spend fits it.
        assertThat(tight).isLessThan(unlimited);
        assertThat(at(landscape, tight)[0]).isLessThanOrEqualTo(300);
    }

    @Test
    void theRestOfTheDayIsPlannedFromWhatTheDayHasBrought() {
        BidLandscape landscape = risingCompetitor(0.5, 0.05, 6_000);
        double target = 2.5;
        int all = BidLandscape.MULTIPLIERS.length;
        double morning = landscape.plan(target, 1e12);
        // Half the day gone, half the planned spend spent.
        double spent = at(landscape, morning)[0] / 2;
        double expected = at(landscape, morning)[1] / 2;
        double asPlanned = landscape.replan(target, 1e12, spent, expected, 0.5, 0.5, 0, all);
        double unlucky = landscape.replan(target, 1e12, spent, expected / 3, 0.5, 0.5, 0, all);
        double lucky = landscape.replan(target, 1e12, spent, expected * 3, 0.5, 0.5, 0, all);

        assertThat(asPlanned).as("a morning as expected keeps the plan").isCloseTo(morning, within(morning * 0.1));
        // A lucky morning lets the campaign buy more clicks at a lower ROI.
        assertThat(lucky).isGreaterThan(asPlanned);
        // After an unlucky one the score alone would bid up: short of the target, a day's score grows with its GMV
        // at the same ROI, and the afternoon's conversions might make up the shortfall. The campaign slot does not
        // follow the plan there (duringTheDayALuckyCampaignBuysMoreAndAnUnluckyOneNeverBidsAboveItsPlan).
        assertThat(unlucky).isGreaterThan(asPlanned);
        assertThat(BidLandscape.follow(morning, unlucky, expected / 3, spent, target)).isEqualTo(morning);
        assertThat(BidLandscape.follow(morning, lucky, expected * 3, spent, target)).isEqualTo(lucky);
        // Behind the target, a more careful plan is still taken.
        assertThat(BidLandscape.follow(morning, morning / 2, expected / 3, spent, target)).isEqualTo(morning / 2);

        // With a budget that binds, even a lucky morning plans no more than the budget left.
        double budget = 20_000;
        double bound = landscape.plan(target, budget);
        double spentBound = at(landscape, bound)[0] / 2;
        double luckyBound = landscape.replan(target, budget, spentBound, 3 * at(landscape, bound)[1] / 2, 0.5, 0.5, 0, all);
        assertThat(spentBound + 0.5 * at(landscape, luckyBound)[0]).isLessThanOrEqualTo(budget);
        assertThat(luckyBound).isLessThan(lucky);
    }

    @Test
    void theExpectedScoreCountsTheShortfallOfUnluckyDays() {
        double spend = 1_000;
        double target = 2;
        // At the target with certainty the score is the GMV; with 4 expected conversions a short day loses more
        // (quadratically) than a lucky day gains (linearly), so the expectation is lower.
        assertThat(BidLandscape.expectedScore(0, spend, 2_000, 1e6, target)).isCloseTo(2_000, within(4.0));
        assertThat(BidLandscape.expectedScore(0, spend, 2_000, 4, target)).isLessThan(0.9 * 2_000);
        // Far above the target no day falls short enough to matter.
        assertThat(BidLandscape.expectedScore(0, spend, 20_000, 400, target)).isCloseTo(20_000, within(20.0));
        // By hand, 1 expected conversion worth twice the target: P(0)·0 + Σ P(k)·4000k·min(1, 2k)² = 4000 · E[k].
        assertThat(BidLandscape.expectedScore(0, spend, 4_000, 1, target)).isCloseTo(4_000, within(1e-6));
        // What the day already brought counts as it is: nothing more to come scores it exactly.
        assertThat(BidLandscape.expectedScore(1_500, spend, 0, 0, target)).isCloseTo(1_500 * 0.75 * 0.75, within(1e-9));
    }

    @Test
    void theExpectedScoreAgreesWithDrawnDays() {
        // Seeded draws of the day's conversions (Poisson, by Knuth's method), scored one by one, against the sum
        // (the last case past the point where the sum takes the normal approximation).
        java.util.Random random = new java.util.Random(20261204);
        double[][] cases = {{0, 1_000, 2_000, 3, 2}, {500, 1_200, 1_800, 12, 2.5}, {0, 800, 5_000, 40, 3},
            {0, 1_000, 2_100, 200, 2}};
        for (double[] c : cases) {
            double earned = c[0], spend = c[1], gmv = c[2], n = c[3], target = c[4];
            double total = 0;
            int days = 200_000;
            for (int d = 0; d < days; d++) {
                int k = 0;
                double product = random.nextDouble();
                double limit = Math.exp(-n);
                while (product > limit) {
                    k++;
                    product *= random.nextDouble();
                }
                double g = earned + k * gmv / n;
                double a = Math.min(1, g / (spend * target));
                total += g * a * a;
            }
            assertThat(BidLandscape.expectedScore(earned, spend, gmv, n, target)).as("case %s", java.util.Arrays.toString(c))
                    .isCloseTo(total / days, within(0.01 * gmv));
        }
    }

    static double scoreAt(BidLandscape landscape, double multiplier, double target) {
        double[] at = at(landscape, multiplier);
        return BidLandscape.expectedScore(0, at[0], at[1], at[1] * 0.9 / 300, target);
    }

    /** The cost and the value at a multiplier, interpolated between the grid's points as the plan does. */
    static double[] at(BidLandscape landscape, double multiplier) {
        int g = BidLandscape.floorIndex(multiplier);
        int h = Math.min(g + 1, BidLandscape.MULTIPLIERS.length - 1);
        double f = h == g ? 0 : Math.log(multiplier / BidLandscape.MULTIPLIERS[g])
                / Math.log(BidLandscape.MULTIPLIERS[h] / BidLandscape.MULTIPLIERS[g]);
        double cost = landscape.costAt(g) + f * (landscape.costAt(h) - landscape.costAt(g));
        double value = landscape.valueAt(g) + f * (landscape.valueAt(h) - landscape.valueAt(g));
        return new double[] {cost, value};
    }

    @Test
    void aDayWithoutEnoughEvidenceGivesNoPlan() {
        BidLandscape landscape = new BidLandscape();
        landscape.observe(12, 100, 10_000, 0.01, 0.05, 500, new double[] {90}, 1, 1, 5);
        assertThat(landscape.plan(2, 1e9)).isNaN();
        assertThat(new BidLandscape().plan(2, 1e9)).isNaN();
    }

    @Test
    void theSecondDayBidsAtTheLevelPlannedFromTheFirstDaysAuctions() {
        DefaultAdAuction engine = new DefaultAdAuction(ZONE);
        engine.configure(Placement.SEARCH, 5);
        engine.upsert(new AdCampaign(1, 1, 1, 1, 9, CNY, 10_000_000, new BigDecimal("2"), 20_000, true,
                at("2026-12-01T00:00"), null));
        engine.upsert(new AdCampaign(2, 2, 2, 2, 9, CNY, 10_000_000, new BigDecimal("2"), 20_000, true,
                at("2026-12-01T00:00"), null));
        engine.fixBid(2, 40);
        for (int minute = 0; minute < 24 * 60; minute += 2) {
            engine.run(new AdRequest(Placement.SEARCH, CNY, Set.of(1L, 2L), Set.of(), 1,
                    at("2026-12-03T00:00").plusSeconds(60L * minute)));
        }
        assertThat(engine.state(1).orElseThrow().planFactor()).as("no plan on the first day").isEqualTo(1.0);

        engine.run(new AdRequest(Placement.SEARCH, CNY, Set.of(1L, 2L), Set.of(), 1, at("2026-12-04T08:00")));
        BidState s = engine.state(1).orElseThrow();
        // Without a budget limit and against a competitor priced far below the value of a click, the plan raises
        // the bid above the plain value at the target, and the bid follows it.
        assertThat(s.planFactor()).isGreaterThan(1.0);
        assertThat(s.bidMinor()).isEqualTo(Math.min(Math.round(s.pcvr() * s.orderValueMinor() / 2.0 * s.planFactor()),
                (long) Math.floor(s.orderValueMinor() / 2.0)));
    }

    @Test
    void duringTheDayALuckyCampaignBuysMoreAndAnUnluckyOneNeverBidsAboveItsPlan() {
        DefaultAdAuction lucky = afterADayAgainstAVaryingCompetitor();
        DefaultAdAuction unlucky = afterADayAgainstAVaryingCompetitor();
        double atMidnight = Double.NaN;
        for (DefaultAdAuction engine : List.of(lucky, unlucky)) {
            // The morning of the second day: every second win is clicked; the lucky campaign's clicks all buy, the
            // unlucky one's never do.
            int wins = 0;
            for (int k = 0; k < 14 * 120; k++) {
                Instant at = at("2026-12-04T00:00").plusSeconds(30L * k);
                engine.fixBid(2, competitorBid(k));
                for (AdWin win : engine.run(new AdRequest(Placement.SEARCH, CNY, Set.of(1L, 2L), Set.of(), 1, at))
                        .winners()) {
                    if (win.bid().campaignId() == 1 && ++wins % 2 == 0) {
                        engine.clicked(1, Placement.SEARCH, win.position(), win.priceMinor(), at);
                        if (engine == lucky) {
                            engine.converted(1, 20_000, at);
                        }
                    }
                }
                if (k == 0) {
                    atMidnight = engine.state(1).orElseThrow().planFactor();
                }
            }
            assertThat(wins).as("the campaign wins some of the morning's auctions").isGreaterThan(200);
        }
        BidState luckyState = lucky.state(1).orElseThrow();
        BidState unluckyState = unlucky.state(1).orElseThrow();
        assertThat(atMidnight).as("the day has a plan").isNotEqualTo(1.0);
        assertThat(unluckyState.planFactor()).as("a morning without conversions").isLessThanOrEqualTo(atMidnight);
        assertThat(luckyState.planFactor()).as("a morning of conversions").isGreaterThan(atMidnight);
    }

    @Test
    void theHourlyProfileTellsWhenTheCampaignsDayComes() {
        BidLandscape landscape = new BidLandscape(1.0);
        // Before 16:00 a competitor no bid of the day's level reaches takes the one slot; from 16:00 on it is gone.
        for (int hour = 0; hour < 24; hour++) {
            for (int k = 0; k < 10; k++) {
                double[] thresholds = hour < 16 ? new double[] {1_000_000} : new double[0];
                landscape.observe(hour, 100, 1_000, 0.5, 0.05, 500, thresholds, thresholds.length, 1, 5);
            }
        }
        assertThat(landscape.costShareBefore(0)).isEqualTo(0.0);
        assertThat(landscape.costShareBefore(16)).as("nothing to buy before 16:00").isEqualTo(0.0);
        assertThat(landscape.costShareBefore(20)).isCloseTo(0.5, within(1e-12));
        assertThat(landscape.valueShareBefore(22.5)).isCloseTo(6.5 / 8, within(1e-12));
        assertThat(landscape.costShareBefore(24)).isEqualTo(1.0);
        assertThat(new BidLandscape(1.0).costShareBefore(12)).as("no evidence, no profile").isNaN();
    }

    @Test
    void aCampaignWhoseAuctionsComeInTheEveningSpendsItsBudgetThere() {
        // Campaign 1 can win only from 16:00 on (before, its product is not asked for), against a competitor whose
        // bid keeps rising and falling; its budget holds it to a part of what its auctions offer. Its wins are
        // clicked and its clicks buy at the rates the engine predicts, so that the day goes as its model expects.
        DefaultAdAuction engine = new DefaultAdAuction(ZONE);
        engine.configure(Placement.SEARCH, 5);
        long budget = 100_000;
        engine.upsert(new AdCampaign(1, 1, 1, 1, 9, CNY, budget, new BigDecimal("2"), 20_000, true,
                at("2026-12-01T00:00"), null));
        engine.upsert(new AdCampaign(2, 2, 2, 2, 9, CNY, 100_000_000, new BigDecimal("2"), 20_000, true,
                at("2026-12-01T00:00"), null));
        for (long id = 1; id <= 2; id++) {
            engine.restore(id, new CampaignHistory(LocalDate.of(2026, 12, 2), 0, 100_000, 10_000, 1_000,
                    3_000_000, 20_000_000));
        }
        long[] spentBy = new long[25];
        double clicks = 0;
        double orders = 0;
        for (int day = 3; day <= 4; day++) {
            for (int k = 0; k < 24 * 120; k++) {
                Instant at = at("2026-12-0" + day + "T00:00").plusSeconds(30L * k);
                int hour = k / 120;
                engine.fixBid(2, competitorBid(k) / 4);
                Set<Long> products = hour < 16 ? Set.of(2L) : Set.of(1L, 2L);
                for (AdWin win : engine.run(new AdRequest(Placement.SEARCH, CNY, products, Set.of(), 1, at)).winners()) {
                    BidState s = engine.state(1).orElseThrow();
                    if (win.bid().campaignId() == 1 && (clicks += s.pctrSearch()) >= 1) {
                        clicks--;
                        engine.clicked(1, Placement.SEARCH, win.position(), win.priceMinor(), at);
                        if ((orders += s.pcvr()) >= 1) {
                            orders--;
                            engine.converted(1, 20_000, at);
                        }
                    }
                }
                spentBy[hour + 1] = engine.state(1).orElseThrow().spentTodayMinor();
            }
        }
        BidState s = engine.state(1).orElseThrow();
        assertThat(s.planFactor()).as("the second day has a plan").isNotEqualTo(1.0);
        // The budget is spent over the campaign's own evening, not in its first hours as if most of the day were gone.
        assertThat(spentBy[24]).as("the day's spend").isGreaterThan(budget * 8 / 10);
        assertThat(spentBy[20]).as("spent by 20:00, half of the campaign's hours").isBetween(spentBy[24] * 3 / 10,
                spentBy[24] * 7 / 10);
    }

    /** A competitor whose bid runs from 2,000 to 11,900 and back over and over, so that the landscape rises. */
    static long competitorBid(int k) {
        return 2_000 + 100L * (k % 100);
    }

    /** Campaign 1 on the auto-bidder against campaign 2 at {@link #competitorBid}, one search request every 30 s. */
    static DefaultAdAuction afterADayAgainstAVaryingCompetitor() {
        DefaultAdAuction engine = new DefaultAdAuction(ZONE);
        engine.configure(Placement.SEARCH, 5);
        for (long id = 1; id <= 2; id++) {
            engine.upsert(new AdCampaign(id, id, id, id, 9, CNY, 100_000_000, new BigDecimal("5"), 20_000, true,
                    at("2026-12-01T00:00"), null));
            // A history of a 30 % click-through rate and a 50 % conversion rate at ¥200 an order: hundreds of
            // conversions a day, so that the plan is where the ROI meets the target rather than a bet on luck.
            engine.restore(id, new CampaignHistory(LocalDate.of(2026, 12, 2), 0, 100_000, 30_000, 15_000,
                    75_000_000, 300_000_000));
        }
        for (int k = 0; k < 24 * 120; k++) {
            engine.fixBid(2, competitorBid(k));
            engine.run(new AdRequest(Placement.SEARCH, CNY, Set.of(1L, 2L), Set.of(), 1,
                    at("2026-12-03T00:00").plusSeconds(30L * k)));
        }
        return engine;
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }
}
