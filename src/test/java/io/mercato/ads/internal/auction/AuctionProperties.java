package io.mercato.ads.internal.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The auction's rules as properties over seeded random markets: campaigns on random products, stores, categories
 * and currencies, some sold out, some outside their dates, some out of budget, a random reserve, a history of
 * earlier auctions with clicks and conversions; then one request, checked against the rules. A failure names its
 * seed; {@code -Dmercato.seed=<seed>} replays it.
 */
class AuctionProperties {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency USD = Currency.getInstance("USD");
    static final Instant DAY_START = Instant.parse("2026-12-02T16:00:00Z");

    @Test
    void everyAuctionKeepsTheRules() {
        forEachSeed(400, seed -> {
            Market market = new Market(new Random(seed));
            AdRequest request = market.request();
            AuctionOutcome outcome = market.engine.run(request);
            market.check(request, outcome);
        });
    }

    @Test
    void theSameMarketAndRequestGiveTheSameOutcome() {
        forEachSeed(100, seed -> {
            Market first = new Market(new Random(seed));
            Market second = new Market(new Random(seed));
            AdRequest request = first.request();
            assertThat(second.request()).isEqualTo(request);
            assertThat(second.engine.run(request)).isEqualTo(first.engine.run(request));
        });
    }

    @Test
    void equalScoresRankTheLowerCampaignIdFirst() {
        forEachSeed(100, seed -> {
            Random random = new Random(seed);
            DefaultAdAuction engine = new DefaultAdAuction(ZONE);
            int count = 2 + random.nextInt(10);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long id = 1 + random.nextInt(1000);
                if (!ids.contains(id)) {
                    ids.add(id);
                    // Same category, order value, target and history: equal bids and click rates.
                    engine.upsert(new AdCampaign(id, id, id, id, 5, CNY, 1_000_000, BigDecimal.TWO, 50_000, true,
                            DAY_START, null));
                }
            }
            AuctionOutcome outcome = engine.run(new AdRequest(Placement.FEED, CNY, Set.of(), Set.of(5L), 3,
                    DAY_START.plus(Duration.ofHours(10))));
            assertThat(outcome.ranked()).extracting(AdBid::score).containsOnly(outcome.ranked().getFirst().score());
            assertThat(outcome.ranked()).extracting(AdBid::campaignId)
                    .containsExactlyElementsOf(ids.stream().sorted().toList());
            for (AdWin win : outcome.winners()) {
                if (win.position() < outcome.ranked().size()) {
                    assertThat(win.priceMinor()).as("a tie prices at the bid").isEqualTo(win.bid().bidMinor());
                }
            }
        });
    }

    static void forEachSeed(int tries, Consumer<Long> property) {
        String fixed = System.getProperty("mercato.seed");
        List<Long> seeds = new ArrayList<>();
        if (fixed != null && !fixed.isBlank()) {
            seeds.add(Long.parseLong(fixed.strip()));
        } else {
            for (int i = 0; i < tries; i++) {
                seeds.add(ThreadLocalRandom.current().nextLong());
            }
        }
        for (long seed : seeds) {
            try {
                property.accept(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Seed " + seed + ": replay this try with -Dmercato.seed=" + seed + "\n"
                        + e.getMessage(), e);
            }
        }
    }

    /** A random market: the engine, and what the test knows about each campaign to judge eligibility. */
    static final class Market {
        final DefaultAdAuction engine = new DefaultAdAuction(ZONE);
        final Random random;
        final Map<Long, AdCampaign> campaigns = new HashMap<>();
        final Map<Long, Long> spentToday = new HashMap<>();
        final Set<Long> soldOut = new HashSet<>();
        final Instant now;
        final long reserve;
        final int products;
        final int categories;

        Market(Random random) {
            this.random = random;
            this.now = DAY_START.plusSeconds(3600 + random.nextInt(22 * 3600));
            this.products = 1 + random.nextInt(30);
            this.categories = 1 + random.nextInt(4);
            int stores = 1 + random.nextInt(12);
            int count = random.nextInt(36);
            for (long id = 1; id <= count; id++) {
                long product = 1 + random.nextInt(products);
                long category = 1 + product % categories;
                long store = 1 + random.nextInt(stores);
                Instant starts = random.nextInt(8) == 0 ? now.plusSeconds(60) : now.minus(Duration.ofDays(2));
                Instant ends = random.nextInt(8) == 0 && starts.isBefore(now) ? now
                        : random.nextBoolean() ? null : now.plusSeconds(3600);
                AdCampaign c = new AdCampaign(id, store, store, product, category, random.nextInt(10) == 0 ? USD : CNY,
                        random.nextInt(5) == 0 ? 1 + random.nextInt(300) : 1_000 + random.nextInt(1_000_000),
                        BigDecimal.valueOf(1 + random.nextInt(80), 1), 100 + random.nextInt(200_000), true, starts,
                        ends);
                campaigns.put(id, c);
                engine.upsert(c);
                if (random.nextInt(6) == 0) {
                    long spent = random.nextBoolean() ? c.dailyBudgetMinor() : random.nextLong(c.dailyBudgetMinor());
                    engine.restore(id, new CampaignHistory(now.atZone(ZONE).toLocalDate(), spent,
                            random.nextInt(5000), random.nextInt(100), random.nextInt(5), spent, spent * 2));
                    spentToday.put(id, spent);
                }
            }
            this.reserve = random.nextInt(4) == 0 ? 0 : random.nextInt(400);
            engine.configure(Placement.SEARCH, reserve);
            engine.configure(Placement.FEED, reserve);
            // Earlier auctions today, with clicks and conversions, so rates, spend and controllers differ.
            int history = random.nextInt(40);
            for (int i = 0; i < history; i++) {
                Instant at = now.minusSeconds((long) (history - i) * 120);
                AuctionOutcome earlier = engine.run(request(at));
                for (AdWin win : earlier.winners()) {
                    if (random.nextInt(3) == 0) {
                        long id = win.bid().campaignId();
                        engine.clicked(id, earlier.placement(), win.position(), win.priceMinor(), at);
                        if (at.atZone(ZONE).toLocalDate().equals(now.atZone(ZONE).toLocalDate())) {
                            spentToday.merge(id, win.priceMinor(), Long::sum);
                        }
                        if (random.nextInt(4) == 0) {
                            engine.converted(id, random.nextInt(300_000), at);
                        }
                    }
                }
            }
            for (long product = 1; product <= products; product++) {
                if (random.nextInt(10) == 0) {
                    engine.inStock(product, false);
                    soldOut.add(product);
                }
            }
        }

        AdRequest request() {
            return request(now);
        }

        AdRequest request(Instant at) {
            Set<Long> wantedProducts = new HashSet<>();
            Set<Long> wantedCategories = new HashSet<>();
            int n = random.nextInt(products + 1);
            for (int i = 0; i < n; i++) {
                wantedProducts.add(1L + random.nextInt(products));
            }
            for (int i = 0; i < categories; i++) {
                if (random.nextInt(3) == 0) {
                    wantedCategories.add(1L + i);
                }
            }
            Placement placement = random.nextBoolean() ? Placement.SEARCH : Placement.FEED;
            return new AdRequest(placement, random.nextInt(12) == 0 ? USD : CNY, wantedProducts, wantedCategories,
                    random.nextInt(6), at);
        }

        /** The quality a campaign would have in this request, or 0 when it is not eligible for it. */
        double eligibleQuality(AdRequest request, AdCampaign c) {
            return eligibleQuality(request, c, engine.state(c.campaignId()).orElseThrow().bidMinor());
        }

        /**
         * As {@link #eligibleQuality(AdRequest, AdCampaign)} with the bid the campaign made: a ranked campaign's bid is
         * the one its controller set for this request (its hour's step), which may differ from the state read after
         * the auction.
         */
        double eligibleQuality(AdRequest request, AdCampaign c, long bidMinor) {
            boolean eligible = !soldOut.contains(c.productId()) && c.currency().equals(request.currency())
                    && c.activeAt(request.at()) && bidMinor > 0 && bidMinor >= reserve
                    && spentToday.getOrDefault(c.campaignId(), 0L) < c.dailyBudgetMinor();
            if (!eligible) {
                return 0;
            }
            return request.productIds().contains(c.productId()) ? DefaultAdAuction.QUALITY_PRODUCT
                    : request.categoryIds().contains(c.categoryId()) ? DefaultAdAuction.QUALITY_CATEGORY : 0;
        }

        void check(AdRequest request, AuctionOutcome outcome) {
            List<AdBid> ranked = outcome.ranked();
            List<AdWin> winners = outcome.winners();
            assertThat(outcome.reservePriceMinor()).isEqualTo(reserve);
            assertThat(winners.size()).as("winners within the slots").isLessThanOrEqualTo(request.slots());
            for (int i = 0; i < ranked.size(); i++) {
                AdBid bid = ranked.get(i);
                AdCampaign c = campaigns.get(bid.campaignId());
                assertThat(eligibleQuality(request, c, bid.bidMinor())).as("campaign %s is eligible with this quality", c)
                        .isEqualTo(bid.quality());
                assertThat(bid.bidMinor()).as("bid at least the reserve").isGreaterThanOrEqualTo(reserve);
                assertThat(bid.score()).isEqualTo(bid.bidMinor() * bid.pctr() * bid.quality());
                if (i > 0) {
                    AdBid before = ranked.get(i - 1);
                    assertThat(before.score() > bid.score()
                            || before.score() == bid.score() && before.campaignId() < bid.campaignId())
                            .as("ranked best first, lower id first on a tie: %s before %s", before, bid).isTrue();
                }
            }
            assertThat(ranked).extracting(AdBid::productId).doesNotHaveDuplicates();
            assertThat(ranked).extracting(AdBid::storeId).doesNotHaveDuplicates();
            assertThat(winners.size()).as("every slot filled that can be")
                    .isEqualTo(Math.min(request.slots(), ranked.size()));
            for (int i = 0; i < winners.size(); i++) {
                AdWin win = winners.get(i);
                assertThat(win.position()).isEqualTo(i + 1);
                assertThat(win.bid()).isEqualTo(ranked.get(i));
                assertThat(win.priceMinor()).as("price at least the reserve").isGreaterThanOrEqualTo(reserve);
                assertThat(win.priceMinor()).as("price never above the bid").isLessThanOrEqualTo(win.bid().bidMinor());
                if (i + 1 < ranked.size()) {
                    double next = ranked.get(i + 1).score();
                    double perClick = win.bid().pctr() * win.bid().quality();
                    assertThat(win.priceMinor() * perClick).as("the price keeps the winner's rank")
                            .isGreaterThanOrEqualTo(next * (1 - 1e-9));
                    if (win.priceMinor() > reserve && win.priceMinor() < win.bid().bidMinor()) {
                        assertThat((win.priceMinor() - 1) * perClick).as("one fen less would lose the rank")
                                .isLessThan(next);
                    }
                } else {
                    assertThat(win.priceMinor()).as("the last candidate pays the reserve").isEqualTo(reserve);
                }
            }
            // Completeness: an eligible campaign is ranked, or outranked by a ranked one of its product or store.
            Set<Long> rankedIds = new HashSet<>();
            ranked.forEach(b -> rankedIds.add(b.campaignId()));
            for (AdCampaign c : campaigns.values()) {
                double quality = eligibleQuality(request, c);
                if (quality == 0 || rankedIds.contains(c.campaignId()) || ranked.size() >= AdAuction.RANKED_KEPT) {
                    continue;
                }
                BidState state = engine.state(c.campaignId()).orElseThrow();
                double pctr = request.placement() == Placement.SEARCH ? state.pctrSearch() : state.pctrFeed();
                double score = state.bidMinor() * pctr * quality;
                assertThat(ranked.stream().anyMatch(b -> (b.productId() == c.productId() || b.storeId() == c.storeId())
                        && (b.score() > score || b.score() == score && b.campaignId() < c.campaignId())))
                        .as("eligible campaign %s (score %s) is ranked or outranked by its product or store in %s",
                                c, score, ranked).isTrue();
            }
        }
    }
}
