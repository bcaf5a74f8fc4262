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

class BidLandscapeTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void eachMultiplierGetsThePositionAndSecondPriceItsBidWouldHaveHad() {
        BidLandscape landscape = new BidLandscape();
        // Two competitors: reaching position 1 needs a bid of 300 per click, position 2 needs 120; two slots.
        landscape.observe(100, 10_000, 0.1, 500, new double[] {300, 120}, 2, 2, 5);

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
        landscape.observe(100, 10_000, 0.2, 400, new double[] {1_000, 0}, 1, 3, 7);

        int g = floorIndex(1.0);
        assertThat(landscape.clicksAt(g)).isCloseTo(0.2 * RateModel.positionBias(2), within(1e-12));
        assertThat(landscape.costAt(g)).isCloseTo(0.2 * RateModel.positionBias(2) * 7, within(1e-9));
    }

    @Test
    void thePlanIsTheLargestMultiplierThatKeepsTheRoiTargetAndTheBudget() {
        BidLandscape landscape = new BidLandscape();
        // A day of 1,000 auctions, each with one competitor whose threshold rises across the day from 50 to 250:
        // higher bids win more auctions, each at the competitor's price; a click is worth 300.
        for (int k = 0; k < 1_000; k++) {
            landscape.observe(100, 10_000, 0.05, 300, new double[] {50 + 0.2 * k}, 1, 1, 5);
        }
        double target = 2.5;
        double unlimited = landscape.plan(target, 1e12);
        double tight = landscape.plan(target, 300);

        // The ROI at the plan reaches the target with its margin, and one step above it would not.
        int g = floorIndex(unlimited);
        assertThat(g).as("the plan lies inside the grid").isLessThan(BidLandscape.MULTIPLIERS.length - 1);
        assertThat(landscape.valueAt(g) / landscape.costAt(g)).isGreaterThanOrEqualTo(target * (1 + BidLandscape.ROI_MARGIN));
        assertThat(landscape.valueAt(g + 1) / landscape.costAt(g + 1)).isLessThan(target * (1 + BidLandscape.ROI_MARGIN));
        // A budget that binds plans a lower level whose expected spend fits it.
        assertThat(tight).isLessThan(unlimited);
        assertThat(landscape.costAt(floorIndex(tight))).isLessThanOrEqualTo(300);
    }

    @Test
    void aDayWithoutEnoughEvidenceGivesNoPlan() {
        BidLandscape landscape = new BidLandscape();
        landscape.observe(100, 10_000, 0.01, 500, new double[] {90}, 1, 1, 5);
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

    static int floorIndex(double multiplier) {
        int g = 0;
        while (g + 1 < BidLandscape.MULTIPLIERS.length && BidLandscape.MULTIPLIERS[g + 1] <= multiplier + 1e-12) {
            g++;
        }
        return g;
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }
}
