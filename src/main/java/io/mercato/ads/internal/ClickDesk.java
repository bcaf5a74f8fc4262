package io.mercato.ads.internal;

import io.mercato.ads.AdServing.ClickLink;
import io.mercato.ads.AdServing.ClickOutcome;
import io.mercato.payment.AdAccounts;
import io.mercato.platform.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts and charges clicks on sponsored tiles. A link is checked before anything is written: its signature (a forged
 * or tampered link is refused), its expiry (an expired link leads to the product, free), and that the auction it
 * names really showed this campaign in that slot at that price. A valid link is then counted once per auction and
 * campaign (a replay leads to the product, free), and charged unless the same viewer clicked this campaign's ad in
 * the last {@link #REPEAT_WINDOW}, the campaign is no longer running, the day's budget would be passed, or the ad
 * account cannot cover it. The budget and the balance are each guarded in SQL under their row's lock, so no number
 * of concurrent clicks spends past either.
 */
@Component
class ClickDesk {

    /** A viewer's repeated clicks on one campaign's ads within this window are charged once. */
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);
    /** How long a served link stays chargeable. */
    static final Duration LINK_LIFETIME = Duration.ofMinutes(30);

    private static final Pattern VIEWER = Pattern.compile("[abv][0-9a-f-]{1,40}");
    private static final Logger log = LoggerFactory.getLogger(ClickDesk.class);

    private final JdbcClient jdbc;
    private final ClickSigner signer;
    private final Campaigns campaigns;
    private final AdAccounts adAccounts;
    private final AdDay day;
    private final EngineSync engine;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ClickDesk(JdbcClient jdbc, ClickSigner signer, Campaigns campaigns, AdAccounts adAccounts, AdDay day,
            EngineSync engine, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.campaigns = campaigns;
        this.adAccounts = adAccounts;
        this.day = day;
        this.engine = engine;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The signed link for a served ad, relative to the site's root. */
    String link(long auctionId, long campaignId, int position, long priceMinor, String viewer, Instant servedAt) {
        long expires = servedAt.plus(LINK_LIFETIME).getEpochSecond();
        String signature = signer.sign(ClickSigner.payload(auctionId, campaignId, position, priceMinor, viewer, expires));
        return "/ads/click?a=" + auctionId + "&c=" + campaignId + "&n=" + position + "&m=" + priceMinor + "&v=" + viewer
                + "&x=" + expires + "&s=" + signature;
    }

    record Link(long auctionId, long campaignId, int position, long priceMinor, String viewer, long expires,
            String signature) {
    }

    static Optional<Link> parse(ClickLink link) {
        try {
            if (link.viewer() == null || !VIEWER.matcher(link.viewer()).matches() || link.signature() == null
                    || link.signature().length() > 100) {
                return Optional.empty();
            }
            return Optional.of(new Link(Long.parseLong(req(link.auction())), Long.parseLong(req(link.campaign())),
                    Integer.parseInt(req(link.position())), Long.parseLong(req(link.price())), link.viewer(),
                    Long.parseLong(req(link.expires())), link.signature()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String req(@Nullable String value) {
        if (value == null) {
            throw new NumberFormatException("missing");
        }
        return value;
    }

    ClickOutcome click(ClickLink raw, @Nullable Long buyerAccountId) {
        Optional<Link> parsed = parse(raw);
        if (parsed.isEmpty()) {
            return new ClickOutcome("INVALID", null);
        }
        Link link = parsed.get();
        String payload = ClickSigner.payload(link.auctionId(), link.campaignId(), link.position(), link.priceMinor(),
                link.viewer(), link.expires());
        if (!signer.verify(payload, link.signature())) {
            log.info("Refused a click link with a bad signature for auction {} campaign {}", link.auctionId(), link.campaignId());
            return new ClickOutcome("INVALID", null);
        }
        record Shown(long productId, String placement) {
        }
        Optional<Shown> shown = jdbc.sql("""
                SELECT c.product_id, a.placement FROM ads.impressions i JOIN ads.campaigns c ON c.id = i.campaign_id
                JOIN ads.auctions a ON a.id = i.auction_id
                WHERE i.auction_id = ? AND i.campaign_id = ? AND i.position = ? AND i.price_minor = ? AND a.viewer = ?""")
                .params(link.auctionId(), link.campaignId(), link.position(), link.priceMinor(), link.viewer())
                .query((rs, n) -> new Shown(rs.getLong(1), rs.getString(2))).optional();
        if (shown.isEmpty()) {
            return new ClickOutcome("INVALID", null);
        }
        long productId = shown.get().productId();
        String placement = shown.get().placement();
        Instant now = clock.instant();
        if (now.getEpochSecond() > link.expires()) {
            return new ClickOutcome("EXPIRED", productId);
        }
        Long buyer = buyerAccountId != null ? buyerAccountId
                : link.viewer().matches("b[0-9]{1,18}") ? Long.valueOf(link.viewer().substring(1)) : null;
        String result = transactions.execute(status -> charge(link, productId, placement, buyer, now));
        return new ClickOutcome(result, productId);
    }

    private String charge(Link link, long productId, String placement, @Nullable Long buyer, Instant now) {
        Optional<Long> inserted = jdbc.sql("""
                INSERT INTO ads.clicks (auction_id, campaign_id, product_id, position, viewer, buyer_account_id, price_minor,
                    charged_minor, outcome, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'ENDED', ?) ON CONFLICT (auction_id, campaign_id) DO NOTHING RETURNING id""")
                .params(link.auctionId(), link.campaignId(), productId, link.position(), link.viewer(), buyer,
                        link.priceMinor(), Timestamp.from(now))
                .query(Long.class).optional();
        if (inserted.isEmpty()) {
            return "REPLAYED";
        }
        long clickId = inserted.get();
        CampaignRow campaign = campaigns.find(link.campaignId()).orElseThrow();
        String outcome = outcome(link, clickId, campaign, placement, now);
        if (!outcome.equals("CHARGED")) {
            record(clickId, outcome, 0, null);
            return "FREE";
        }
        return "CHARGED";
    }

    private String outcome(Link link, long clickId, CampaignRow campaign, String placement, Instant now) {
        if (!campaign.running(now)) {
            return "ENDED";
        }
        // One viewer's clicks on one campaign queue here, so two quick clicks cannot both find no earlier charge.
        jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))").params((int) campaign.id(), link.viewer())
                .query((rs, n) -> 1).single();
        boolean repeated = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM ads.clicks WHERE viewer = ? AND campaign_id = ? AND outcome = 'CHARGED'
                    AND at > ? AND id <> ?)""")
                .params(link.viewer(), campaign.id(), Timestamp.from(now.minus(REPEAT_WINDOW)), clickId)
                .query(Boolean.class).single();
        if (repeated) {
            return "REPEATED";
        }
        LocalDate today = day.of(now);
        if (!campaigns.spend(campaign.id(), today, link.priceMinor())) {
            return "OVER_BUDGET";
        }
        Money price = new Money(link.priceMinor(), Currency.getInstance(campaign.currency()));
        Optional<Long> posting = adAccounts.charge(campaign.sellerAccountId(), price, "ad-click:" + clickId,
                "Ad click " + clickId + " on campaign " + campaign.id() + ", auction " + link.auctionId() + ", slot "
                        + link.position());
        if (posting.isEmpty()) {
            campaigns.unspend(campaign.id(), today, link.priceMinor());
            return "NO_FUNDS";
        }
        record(clickId, "CHARGED", link.priceMinor(), posting.get());
        engine.clickedAfterCommit(campaign.id(), placement, link.position(), link.priceMinor(), now);
        return "CHARGED";
    }

    private void record(long clickId, String outcome, long chargedMinor, @Nullable Long postingId) {
        jdbc.sql("UPDATE ads.clicks SET outcome = ?, charged_minor = ?, posting_id = ? WHERE id = ?")
                .params(outcome, chargedMinor, postingId, clickId).update();
    }
}
