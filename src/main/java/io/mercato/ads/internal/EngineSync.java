package io.mercato.ads.internal;

import io.mercato.ads.internal.auction.AdAuction;
import io.mercato.ads.internal.auction.AdCampaign;
import io.mercato.ads.internal.auction.BidState;
import io.mercato.ads.internal.auction.CampaignHistory;
import io.mercato.ads.internal.auction.Placement;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.inventory.StockLedger;
import io.mercato.platform.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the in-memory auction current with what this module stores: campaigns created, edited, paused, resumed or
 * ended; products selling out or coming back; charged clicks and attributed conversions (each told once its
 * transaction commits); and at start-up every campaign with its spend today and its last 30 days of history. Every
 * {@code mercato.ads.refresh-every} (1 min) the campaigns are synced again, so a campaign that started or ended, or
 * was changed through another instance, is followed within that time.
 */
@Component
class EngineSync {

    static final Duration HISTORY = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(EngineSync.class);

    private final AdAuction auction;
    private final Campaigns campaigns;
    private final Catalog catalog;
    private final StockLedger stock;
    private final JdbcClient jdbc;
    private final AdDay day;
    private final Clock clock;
    private final Map<Placement, Long> reserves = new ConcurrentHashMap<>();

    EngineSync(AdAuction auction, Campaigns campaigns, Catalog catalog, StockLedger stock, JdbcClient jdbc, AdDay day,
            Clock clock) {
        this.auction = auction;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.stock = stock;
        this.jdbc = jdbc;
        this.day = day;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void restore() {
        Instant now = clock.instant();
        LocalDate today = day.of(now);
        Timestamp since = Timestamp.from(now.minus(HISTORY));
        int restored = 0;
        for (CampaignRow row : campaigns.all()) {
            if (!sync(row, now)) {
                continue;
            }
            CampaignHistory history = jdbc.sql("""
                    SELECT (SELECT coalesce(max(spent_minor), 0) FROM ads.campaign_days WHERE campaign_id = :c AND day = :today),
                           (SELECT count(*) FROM ads.impressions WHERE campaign_id = :c AND at > :since),
                           (SELECT count(*) FROM ads.clicks WHERE campaign_id = :c AND at > :since AND outcome <> 'REPEATED'),
                           (SELECT count(*) FROM ads.conversions WHERE campaign_id = :c AND at > :since),
                           (SELECT coalesce(sum(charged_minor), 0) FROM ads.clicks WHERE campaign_id = :c AND at > :since),
                           (SELECT coalesce(sum(gmv_minor), 0) FROM ads.conversions WHERE campaign_id = :c AND at > :since)""")
                    .param("c", row.id()).param("today", today).param("since", since)
                    .query((rs, n) -> new CampaignHistory(today, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6)))
                    .single();
            auction.restore(row.id(), history);
            restored++;
        }
        log.info("Ads: {} running campaigns restored into the auction", restored);
    }

    @Scheduled(fixedDelayString = "${mercato.ads.refresh-every:60s}", initialDelayString = "${mercato.ads.refresh-every:60s}")
    void refresh() {
        Instant now = clock.instant();
        for (CampaignRow row : campaigns.all()) {
            sync(row, now);
        }
    }

    /** Tells the auction about the campaign once the changing transaction commits. */
    void changedAfterCommit(long campaignId) {
        afterCommit(() -> campaigns.find(campaignId).ifPresent(row -> sync(row, clock.instant())));
    }

    void clickedAfterCommit(long campaignId, String placement, int position, long chargedMinor, Instant at) {
        afterCommit(() -> auction.clicked(campaignId, Placement.valueOf(placement), position, chargedMinor, at));
    }

    void convertedAfterCommit(long campaignId, long gmvMinor, Instant at) {
        afterCommit(() -> auction.converted(campaignId, gmvMinor, at));
    }

    /** The product's campaigns follow its stock: in stock while some SKU has units available. */
    void stockChanged(long productId) {
        if (!campaigns.ofProduct(productId).isEmpty()) {
            auction.inStock(productId, inStock(productId));
        }
    }

    @Nullable Long bid(long campaignId) {
        return auction.state(campaignId).map(BidState::bidMinor).orElse(null);
    }

    /** Sets the placement's reserve in the auction when the operator changed it (here or on another instance). */
    void reserve(Placement placement, long reserveMinor) {
        Long known = reserves.put(placement, reserveMinor);
        if (known == null || known != reserveMinor) {
            auction.configure(placement, reserveMinor);
        }
    }

    /** Upserts a campaign that is running or scheduled, removes one that is paused or over; whether it upserted. */
    private boolean sync(CampaignRow row, Instant now) {
        if (row.paused() || (row.endsAt() != null && !now.isBefore(row.endsAt()))) {
            auction.remove(row.id());
            return false;
        }
        auction.upsert(new AdCampaign(row.id(), row.sellerAccountId(), row.storeId(), row.productId(), row.categoryId(),
                Currency.getInstance(row.currency()), row.dailyBudgetMinor(), row.targetRoi(),
                row.expectedOrderValueMinor(), inStock(row.productId()), row.startsAt(), row.endsAt()));
        return true;
    }

    private boolean inStock(long productId) {
        try {
            List<Product> products = catalog.products(List.of(productId));
            if (products.isEmpty()) {
                return false;
            }
            List<Long> skus = products.getFirst().skus().stream().map(Sku::id).toList();
            return stock.stock(skus).values().stream().anyMatch(s -> s.available() > 0);
        } catch (DomainException e) {
            return false;
        }
    }

    private static void afterCommit(Runnable action) {
        Runnable guarded = () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("Ads: the auction could not be updated; the next refresh will", e);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    guarded.run();
                }
            });
        } else {
            guarded.run();
        }
    }
}
