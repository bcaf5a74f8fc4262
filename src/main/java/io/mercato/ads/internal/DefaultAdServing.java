package io.mercato.ads.internal;

import io.mercato.ads.AdServing;
import io.mercato.ads.AdSlot;
import io.mercato.ads.SponsoredAd;
import io.mercato.ads.internal.auction.AdAuction;
import io.mercato.ads.internal.auction.AdBid;
import io.mercato.ads.internal.auction.AdRequest;
import io.mercato.ads.internal.auction.AdWin;
import io.mercato.ads.internal.auction.AuctionOutcome;
import io.mercato.ads.internal.auction.Placement;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductStatus;
import io.mercato.catalog.Sku;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves sponsored tiles: builds the auction's request, runs it, keeps the auction (winners, the ranked candidates'
 * scores, the reserve) so every later charge can be explained, and signs a click link per winner.
 */
@Service
class DefaultAdServing implements AdServing {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AdAuction auction;
    private final Placements placements;
    private final Interests interests;
    private final ClickDesk clicks;
    private final Catalog catalog;
    private final JdbcClient jdbc;
    private final EngineSync engine;
    private final Clock clock;

    DefaultAdServing(AdAuction auction, Placements placements, Interests interests, ClickDesk clicks, Catalog catalog,
            JdbcClient jdbc, EngineSync engine, Clock clock) {
        this.auction = auction;
        this.placements = placements;
        this.interests = interests;
        this.clicks = clicks;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<SponsoredAd> forSearch(Set<Long> matchedProductIds, Set<Long> categoryIds, String viewer) {
        if (matchedProductIds.isEmpty() && categoryIds.isEmpty()) {
            return List.of();
        }
        return serve(AdSlot.SEARCH, matchedProductIds, categoryIds, viewer);
    }

    @Override
    @Transactional
    public List<SponsoredAd> forFeed(@Nullable Long buyerAccountId, String viewer) {
        Set<Long> categories = interests.of(buyerAccountId, clock.instant());
        if (categories.isEmpty()) {
            return List.of();
        }
        return serve(AdSlot.FEED, Set.of(), categories, viewer);
    }

    private List<SponsoredAd> serve(AdSlot slot, Set<Long> productIds, Set<Long> categoryIds, String viewer) {
        PlacementSettings settings = placements.of(slot);
        if (settings.slots() == 0) {
            return List.of();
        }
        Placement placement = Placement.valueOf(slot.name());
        engine.reserve(placement, settings.reserveMinor());
        Instant now = clock.instant();
        AuctionOutcome outcome = auction.run(new AdRequest(placement, Currencies.CNY, productIds, categoryIds, settings.slots(), now));
        List<AdWin> winners = outcome.winners().stream().limit(settings.slots()).toList();
        if (winners.isEmpty()) {
            return List.of();
        }
        Map<Long, Product> products = catalog.products(winners.stream().map(win -> win.bid().productId()).toList())
                .stream().filter(p -> p.status() == ProductStatus.LISTED)
                .collect(Collectors.toMap(Product::id, Function.identity(), (a, b) -> a));
        List<AdWin> shown = winners.stream().filter(win -> products.containsKey(win.bid().productId())).toList();
        if (shown.isEmpty()) {
            return List.of();
        }
        long auctionId = persist(slot, outcome, shown, viewer, now);
        List<SponsoredAd> ads = new ArrayList<>();
        int position = 0;
        for (AdWin win : shown) {
            position++;
            Product product = products.get(win.bid().productId());
            Sku cheapest = product.skus().stream().min((a, b) -> Long.compare(a.priceMinor(), b.priceMinor())).orElseThrow();
            ads.add(new SponsoredAd(auctionId, win.bid().campaignId(), product.id(), product.storeId(), product.title(),
                    product.images().isEmpty() ? null : product.images().getFirst(), cheapest.priceMinor(),
                    cheapest.currency(), position,
                    clicks.link(auctionId, win.bid().campaignId(), position, win.priceMinor(), viewer, now), true));
        }
        return ads;
    }

    /** Keeps the auction and one impression per tile shown; the tiles' positions are their order on the page. */
    private long persist(AdSlot slot, AuctionOutcome outcome, List<AdWin> shown, String viewer, Instant now) {
        List<Map<String, Object>> ranked = outcome.ranked().stream().limit(AdAuction.RANKED_KEPT)
                .map(bid -> Map.<String, Object>of("campaignId", bid.campaignId(), "bidMinor", bid.bidMinor(),
                        "pctr", bid.pctr(), "quality", bid.quality(), "score", bid.score()))
                .toList();
        long auctionId = jdbc.sql("""
                INSERT INTO ads.auctions (placement, at, reserve_minor, viewer, ranked) VALUES (?, ?, ?, ?, ?::jsonb)
                RETURNING id""")
                .params(slot.name(), Timestamp.from(now), outcome.reservePriceMinor(), viewer, JSON.writeValueAsString(ranked))
                .query(Long.class).single();
        int position = 0;
        for (AdWin win : shown) {
            position++;
            AdBid bid = win.bid();
            jdbc.sql("""
                    INSERT INTO ads.impressions (auction_id, campaign_id, position, bid_minor, price_minor, score, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(auctionId, bid.campaignId(), position, bid.bidMinor(), win.priceMinor(), bid.score(),
                            Timestamp.from(now))
                    .update();
        }
        return auctionId;
    }

    @Override
    public ClickOutcome click(ClickLink link, @Nullable Long buyerAccountId) {
        ClickOutcome outcome = clicks.click(link, buyerAccountId);
        if (buyerAccountId != null && outcome.productId() != null && !outcome.result().equals("INVALID")) {
            interests.clicked(buyerAccountId, outcome.productId(), clock.instant());
        }
        return outcome;
    }

    @Override
    public List<PlacementSettings> placements() {
        return placements.all();
    }

    @Override
    @Transactional
    public PlacementSettings configure(Actor operator, AdSlot slot, int slots, long reserveMinor) {
        operator.require(Role.OPERATOR);
        if (slots < 0 || slots > 10) {
            throw new InvalidInputException("slots", Text.of("ads.sponsoredSlotsPerPlacementMust", slots));
        }
        if (reserveMinor < 1 || reserveMinor > 100_000) {
            throw new InvalidInputException("reserveMinor",
                    Text.of("ads.reservePricePerClickMust", reserveMinor));
        }
        PlacementSettings settings = new PlacementSettings(slot, slots, reserveMinor);
        placements.save(settings, clock.instant());
        return settings;
    }
}
