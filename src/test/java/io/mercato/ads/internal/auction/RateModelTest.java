package io.mercato.ads.internal.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class RateModelTest {

    final RateModel model = new RateModel();

    @Test
    void aNewCampaignInANewCategoryStartsFromThePlatformsRates() {
        assertThat(model.campaignCtr(1, Placement.SEARCH, 0, 0)).isEqualTo(RateModel.DEFAULT_CTR_SEARCH);
        assertThat(model.campaignCtr(1, Placement.FEED, 0, 0)).isEqualTo(RateModel.DEFAULT_CTR_FEED);
        assertThat(model.campaignCvr(1, 0, 0)).isEqualTo(RateModel.DEFAULT_CVR);
    }

    @Test
    void aNewCampaignStartsFromItsCategorysRates() {
        for (int i = 0; i < 20_000; i++) {
            model.impression(7, Placement.SEARCH, 1);
        }
        for (int i = 0; i < 1_000; i++) {
            model.click(7, Placement.SEARCH, 12);
        }
        for (int i = 0; i < 100; i++) {
            model.conversion(7, 12);
        }
        double categoryCtr = model.categoryCtr(7, Placement.SEARCH);
        assertThat(categoryCtr).isGreaterThan(0.045).isLessThan(0.05);    // observed 5 %, smoothed toward 2 %
        assertThat(model.campaignCtr(7, Placement.SEARCH, 0, 0)).isEqualTo(categoryCtr);
        assertThat(model.campaignCvr(7, 0, 0)).isEqualTo(model.categoryCvr(7)).isGreaterThan(0.08);
        assertThat(model.campaignCtr(8, Placement.SEARCH, 0, 0)).as("another category stays near the platform's")
                .isLessThan(categoryCtr);
    }

    @Test
    void aCampaignsRatesMoveTowardWhatItAchieves() {
        double prior = model.campaignCtr(3, Placement.SEARCH, 0, 0);
        // 2,000 top impressions expect 40 clicks at the prior; the campaign got 200 (10 %).
        double good = model.campaignCtr(3, Placement.SEARCH, 200, 2_000 * prior);
        double better = model.campaignCtr(3, Placement.SEARCH, 2_000, 20_000 * prior);
        assertThat(good).isGreaterThan(prior).isLessThan(0.10);
        assertThat(better).isGreaterThan(good).isCloseTo(0.10, within(0.005));
        double poor = model.campaignCtr(3, Placement.SEARCH, 0, 2_000 * prior);
        assertThat(poor).isLessThan(prior / 5);

        assertThat(model.campaignCvr(3, 100, 20)).isGreaterThan(0.1).isLessThan(0.2);
        assertThat(model.campaignCvr(3, 10_000, 2_000)).isCloseTo(0.2, within(0.001));
    }

    @Test
    void clicksFromLowerPositionsCountForMoreBecauseFewerSawThem() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        TrafficProfile traffic = new TrafficProfile(zone);
        Instant at = Instant.parse("2026-12-03T02:00:00Z");
        CampaignSlot first = new CampaignSlot(campaign(1), model, traffic, zone);
        CampaignSlot fourth = new CampaignSlot(campaign(2), model, traffic, zone);
        // Same impressions and clicks (3 %); one always shown first, the other always fourth.
        for (int i = 1; i <= 3_000; i++) {
            first.impression(Placement.SEARCH, 1);
            fourth.impression(Placement.SEARCH, 4);
            if (i % 33 == 0) {
                first.click(Placement.SEARCH, 0, at);
                fourth.click(Placement.SEARCH, 0, at);
            }
        }
        assertThat(RateModel.positionBias(1)).isEqualTo(1.0);
        assertThat(RateModel.positionBias(4)).isEqualTo(0.5);
        assertThat(fourth.quote().pctrSearch()).as("3 %% at the fourth position is worth more at the top")
                .isGreaterThan(first.quote().pctrSearch() * 1.5);
        assertThat(first.quote().pctrSearch()).isCloseTo(0.03, within(0.01));
    }

    @Test
    void whatACampaignLearnsOnSearchCarriesOverToTheFeed() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        CampaignSlot slot = new CampaignSlot(campaign(1), model, new TrafficProfile(zone), zone);
        double feedBefore = slot.quote().pctrFeed();
        for (int i = 1; i <= 1_000; i++) {
            slot.impression(Placement.SEARCH, 1);
            if (i % 12 == 0) {
                slot.click(Placement.SEARCH, 0, Instant.parse("2026-12-03T02:00:00Z"));
            }
        }
        assertThat(slot.quote().pctrFeed()).isGreaterThan(feedBefore);
    }

    @Test
    void conversionRatesFollowTheHourOfTheDay() {
        assertThat(model.hourFactor(9)).isEqualTo(1.0);
        for (int i = 0; i < 10_000; i++) {
            model.click(1, Placement.SEARCH, 21);
            model.click(1, Placement.SEARCH, 9);
            if (i % 20 == 0) {
                model.conversion(1, 21);
            }
            if (i % 50 == 0) {
                model.conversion(1, 9);
            }
        }
        // 5 % in the evening, 2 % in the morning, 3.5 % over both.
        assertThat(model.hourFactor(21)).isCloseTo(0.05 / 0.035, within(0.05));
        assertThat(model.hourFactor(9)).isCloseTo(0.02 / 0.035, within(0.05));
        assertThat(model.hourFactor(3)).as("an hour without data keeps the overall rate").isEqualTo(1.0);
    }

    static AdCampaign campaign(long id) {
        return new AdCampaign(id, id, id, id, 4, Currency.getInstance("CNY"), 100_000_000, BigDecimal.ONE, 10_000,
                true, Instant.parse("2026-12-01T00:00:00Z"), null);
    }
}
