package io.mercato.ads.internal.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AutoBidderTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Currency CNY = Currency.getInstance("CNY");

    final DefaultAdAuction engine = new DefaultAdAuction(ZONE);

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    static AdCampaign campaign(long id, long budget, String targetRoi) {
        return new AdCampaign(id, id, id, id, 8 + id, CNY, budget, new BigDecimal(targetRoi), 20_000, true,
                at("2026-12-01T00:00"), null);
    }

    /** An auction for the given campaigns' products, which brings them to {@code at} (control steps run). */
    AuctionOutcome touch(Instant at, long... ids) {
        Set<Long> products = new java.util.HashSet<>();
        for (long id : ids) {
            products.add(id);
        }
        return engine.run(new AdRequest(Placement.SEARCH, CNY, products, Set.of(), 0, at));
    }

    BidState state(long id) {
        return engine.state(id).orElseThrow();
    }

    @Test
    void theBidIsTheValueOfAClickAtTheTargetRoi() {
        engine.upsert(campaign(1, 10_000_000, "4"));
        touch(at("2026-12-03T08:00"), 1);
        BidState s = state(1);
        assertThat(s.pacingFactor()).isEqualTo(1.0);
        assertThat(s.roiFactor()).isEqualTo(1.0);
        assertThat(s.bidMinor()).isEqualTo(Math.round(s.pcvr() * s.orderValueMinor() / 4.0));
    }

    @Test
    void pacingSlowsSpendingWhenAheadOfTheDaysTrafficCurve() {
        engine.upsert(campaign(1, 10_000, "2"));
        engine.upsert(campaign(2, 10_000, "2"));
        touch(at("2026-12-03T07:50"), 1, 2);
        for (int i = 0; i < 10; i++) {
            // Same clicks for both, so the same click and conversion rates; only the first one paid for them.
            engine.clicked(1, Placement.SEARCH, 1, 600, at("2026-12-03T07:55"));
            engine.clicked(2, Placement.SEARCH, 1, 0, at("2026-12-03T07:55"));
        }
        long bidBefore = state(1).bidMinor();

        touch(at("2026-12-03T08:20"), 1, 2);

        BidState ahead = state(1);
        BidState onCurve = state(2);
        assertThat(ahead.spentTodayMinor()).isEqualTo(6_000);
        assertThat(ahead.pacingFactor()).as("60 %% of the budget spent by 08:20").isLessThan(1.0);
        assertThat(onCurve.pacingFactor()).isEqualTo(1.0);
        assertThat(ahead.bidMinor()).isLessThan(bidBefore).isLessThan(onCurve.bidMinor());

        touch(at("2026-12-03T08:50"), 1, 2);
        assertThat(state(1).pacingFactor()).as("still ahead: slows further").isLessThan(ahead.pacingFactor());
    }

    @Test
    void pacingRecoversWhenTheTrafficCatchesUpWithTheSpend() {
        double slowed = BidController.pace(1.0, 0.6, 0.1);
        assertThat(slowed).isLessThan(1.0);
        assertThat(BidController.pace(slowed, 0.6, 0.8)).isGreaterThan(slowed);
        assertThat(BidController.pace(1.0, 0.0, 0.9)).as("pacing never pushes above the ROI bid").isEqualTo(1.0);
        assertThat(BidController.pace(BidController.MIN_PACING, 1.0, 0.0)).isEqualTo(BidController.MIN_PACING);
    }

    @Test
    void onAPlannedDayPacingHoldsBackOnlyABudgetShortOfTheDayLeft() {
        // On the curve, or behind it, or with a plan that leaves budget to spare: no holding back.
        assertThat(BidController.paceLeft(0.3, 0.3)).isEqualTo(1.0);
        assertThat(BidController.paceLeft(0.1, 0.5)).isEqualTo(1.0);
        // Half the budget left for 60 % of the day: (0.5 / 0.6)², whatever the steps before.
        assertThat(BidController.paceLeft(0.5, 0.4)).isCloseTo(25.0 / 36, within(1e-12));
        // A little ahead early in the day holds back a little, not more and more with every step.
        assertThat(BidController.paceLeft(0.04, 0.01)).isGreaterThan(0.9);
        assertThat(BidController.paceLeft(1.0, 0.5)).isEqualTo(BidController.MIN_PACING);
        assertThat(BidController.paceLeft(0.99, 1.0)).as("the day's end").isEqualTo(1.0);
    }

    @Test
    void feedbackRaisesTheBidWhenTheAchievedRoiExceedsTheTargetAndLowersItWhenBelow() {
        engine.upsert(campaign(1, 100_000_000, "3"));
        engine.upsert(campaign(2, 100_000_000, "3"));
        touch(at("2026-12-03T10:00"), 1, 2);
        for (int i = 0; i < 200; i++) {
            engine.clicked(1, Placement.SEARCH, 1, 500, at("2026-12-03T10:05"));
            engine.clicked(2, Placement.SEARCH, 1, 500, at("2026-12-03T10:05"));
        }
        for (int i = 0; i < 20; i++) {
            engine.converted(1, 100_000, at("2026-12-03T10:06"));    // ROI 2,000,000 / 100,000 = 20 > 3
        }                                                             // ROI 0 / 100,000 = 0 < 3
        // Re-quote both at today's priors (the platform learned from these conversions too).
        engine.upsert(campaign(1, 100_000_000, "3"));
        engine.upsert(campaign(2, 100_000_000, "3"));
        long richBefore = state(1).bidMinor();
        long poorBefore = state(2).bidMinor();

        touch(at("2026-12-03T10:20"), 1, 2);
        touch(at("2026-12-03T10:35"), 1, 2);

        assertThat(state(1).roiFactor()).isGreaterThan(1.0);
        assertThat(state(1).bidMinor()).isGreaterThan(richBefore);
        assertThat(state(2).roiFactor()).isLessThan(1.0);
        assertThat(state(2).bidMinor()).isLessThan(poorBefore);
        assertThat(state(1).achievedRoi()).isEqualTo(20.0);
        assertThat(state(2).achievedRoi()).isZero();
    }

    @Test
    void feedbackLeavesTheBidAloneNearTheTargetAndNeverRaisesItAheadOfTheBudgetCurve() {
        assertThat(BidController.correct(1.0, 3.3, 3.0, false)).isEqualTo(1.0);
        assertThat(BidController.correct(1.0, 2.2, 3.0, false)).isEqualTo(1.0);
        assertThat(BidController.correct(1.0, 3.8, 3.0, false)).isEqualTo(1.0);
        assertThat(BidController.correct(1.0, 4.5, 3.0, false)).isGreaterThan(1.0);
        assertThat(BidController.correct(1.0, 9.0, 3.0, false)).isGreaterThan(1.0);
        assertThat(BidController.correct(1.0, 1.8, 3.0, false)).isLessThan(1.0);
        assertThat(BidController.correct(1.0, 9.0, 3.0, true)).isEqualTo(1.0);
        assertThat(BidController.correct(1.0, 1.0, 3.0, true)).isLessThan(1.0);
        assertThat(BidController.correct(BidController.MAX_ROI_FACTOR, 90, 3.0, false))
                .isEqualTo(BidController.MAX_ROI_FACTOR);
    }

    @Test
    void theBidNeverExceedsTheBudgetLeftAndASpentBudgetStopsTheCampaignUntilTomorrow() {
        engine.upsert(campaign(1, 1_000, "1"));
        touch(at("2026-12-03T10:00"), 1);
        engine.clicked(1, Placement.SEARCH, 1, 990, at("2026-12-03T10:01"));
        assertThat(state(1).bidMinor()).isLessThanOrEqualTo(10);

        engine.clicked(1, Placement.SEARCH, 1, 10, at("2026-12-03T10:02"));
        AdRequest request = new AdRequest(Placement.SEARCH, CNY, Set.of(1L), Set.of(), 1, at("2026-12-03T10:03"));
        assertThat(engine.run(request).winners()).isEmpty();

        AdRequest tomorrow = new AdRequest(Placement.SEARCH, CNY, Set.of(1L), Set.of(), 1, at("2026-12-04T00:05"));
        assertThat(engine.run(tomorrow).winners()).hasSize(1);
        assertThat(state(1).spentTodayMinor()).isZero();
    }

    @Test
    void aRestoredCampaignKnowsWhatItSpentToday() {
        engine.restore(1, new CampaignHistory(at("2026-12-03T10:00").atZone(ZONE).toLocalDate(), 1_000, 5_000,
                100, 10, 20_000, 90_000));
        engine.upsert(campaign(1, 1_000, "2"));
        AdRequest request = new AdRequest(Placement.SEARCH, CNY, Set.of(1L), Set.of(), 1, at("2026-12-03T10:03"));
        assertThat(engine.run(request).winners()).as("today's budget is already spent").isEmpty();
        BidState s = state(1);
        assertThat(s.spentTodayMinor()).isEqualTo(1_000);
        assertThat(s.clicks()).isEqualTo(100);
        assertThat(s.achievedRoi()).isEqualTo(4.5);
    }
}
