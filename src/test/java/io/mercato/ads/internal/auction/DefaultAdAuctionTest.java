package io.mercato.ads.internal.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultAdAuctionTest {

    static final Currency CNY = Currency.getInstance("CNY");
    static final Instant NOON = Instant.parse("2026-12-03T04:00:00Z");

    final DefaultAdAuction engine = new DefaultAdAuction(ZoneId.of("Asia/Shanghai"));

    static AdCampaign campaign(long id, long store, long product, long category, long orderValue) {
        return new AdCampaign(id, store, store, product, category, CNY, 100_000, new BigDecimal("3"), orderValue,
                true, NOON.minusSeconds(86_400), null);
    }

    static AdRequest search(Set<Long> products, Set<Long> categories, int slots) {
        return new AdRequest(Placement.SEARCH, CNY, products, categories, slots, NOON);
    }

    @Test
    void theHigherBidWinsAndPaysTheNextScoreDividedByItsOwnClickRate() {
        engine.upsert(campaign(1, 10, 100, 7, 30_000));
        engine.upsert(campaign(2, 20, 200, 7, 60_000));

        AuctionOutcome outcome = engine.run(search(Set.of(100L, 200L), Set.of(7L), 1));

        assertThat(outcome.winners()).hasSize(1);
        AdWin win = outcome.winners().getFirst();
        assertThat(win.bid().campaignId()).isEqualTo(2);
        assertThat(win.position()).isEqualTo(1);
        AdBid second = outcome.ranked().get(1);
        assertThat(second.campaignId()).isEqualTo(1);
        long expected = (long) Math.ceil(second.score() / (win.bid().pctr() * win.bid().quality()) * (1 - 1e-12));
        assertThat(win.priceMinor()).isEqualTo(expected).isLessThanOrEqualTo(win.bid().bidMinor());
    }

    @Test
    void aDirectProductMatchOutranksAnEqualCategoryMatch() {
        engine.upsert(campaign(1, 10, 100, 7, 30_000));
        engine.upsert(campaign(2, 20, 200, 7, 30_000));

        AuctionOutcome outcome = engine.run(search(Set.of(200L), Set.of(7L), 2));

        assertThat(outcome.ranked()).extracting(AdBid::campaignId).containsExactly(2L, 1L);
        assertThat(outcome.ranked()).extracting(AdBid::quality)
                .containsExactly(DefaultAdAuction.QUALITY_PRODUCT, DefaultAdAuction.QUALITY_CATEGORY);
    }

    @Test
    void noWinnerBidsBelowTheReserveAndTheLastWinnerPaysTheReserve() {
        engine.upsert(campaign(1, 10, 100, 7, 30_000));
        long bid = engine.state(1).orElseThrow().bidMinor();
        engine.configure(Placement.SEARCH, bid);
        assertThat(engine.run(search(Set.of(100L), Set.of(), 3)).winners()).singleElement()
                .extracting(AdWin::priceMinor).isEqualTo(bid);

        engine.configure(Placement.SEARCH, bid + 1);
        assertThat(engine.run(search(Set.of(100L), Set.of(), 3)).winners()).isEmpty();
    }

    @Test
    void soldOutRemovedAndForeignCurrencyCampaignsDoNotRun() {
        engine.upsert(campaign(1, 10, 100, 7, 30_000));
        engine.inStock(100, false);
        assertThat(engine.run(search(Set.of(100L), Set.of(7L), 3)).winners()).isEmpty();
        engine.inStock(100, true);
        assertThat(engine.run(search(Set.of(100L), Set.of(7L), 3)).winners()).hasSize(1);
        engine.remove(1);
        assertThat(engine.run(search(Set.of(100L), Set.of(7L), 3)).winners()).isEmpty();
        assertThat(engine.state(1)).as("a paused campaign keeps what it learned").isPresent();

        engine.upsert(campaign(1, 10, 100, 7, 30_000));
        AdRequest inDollars = new AdRequest(Placement.SEARCH, Currency.getInstance("USD"), Set.of(100L), Set.of(7L),
                3, NOON);
        assertThat(engine.run(inDollars).winners()).isEmpty();
    }

    @Test
    void auctionIdsAreUniqueAndIncreasing() {
        engine.upsert(campaign(1, 10, 100, 7, 30_000));
        long first = engine.run(search(Set.of(100L), Set.of(), 1)).auctionId();
        long second = engine.run(search(Set.of(100L), Set.of(), 1)).auctionId();
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void campaignsRejectBudgetsAndTargetsThatAreNotPositive() {
        assertThatThrownBy(() -> new AdCampaign(1, 1, 1, 1, 1, CNY, 0, BigDecimal.ONE, 100, true, NOON, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("daily budget 0");
        assertThatThrownBy(() -> new AdCampaign(1, 1, 1, 1, 1, CNY, 100, BigDecimal.ZERO, 100, true, NOON, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target ROI 0");
    }
}
