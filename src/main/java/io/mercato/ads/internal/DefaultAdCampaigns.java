package io.mercato.ads.internal;

import io.mercato.ads.AdCampaigns;
import io.mercato.ads.Campaign;
import io.mercato.ads.CampaignDraft;
import io.mercato.ads.CampaignReport;
import io.mercato.ads.ClickCharge;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns as sellers manage them: the input rules, who may see and change what, and keeping the auction current. */
@Service
class DefaultAdCampaigns implements AdCampaigns {

    /** How far ahead a campaign may start, and how long it may run. */
    static final Duration MAX_LEAD = Duration.ofDays(365);
    static final Duration MAX_LENGTH = Duration.ofDays(730);

    private final Campaigns campaigns;
    private final Catalog catalog;
    private final Stores stores;
    private final AdDay day;
    private final EngineSync engine;
    private final AdReports reports;
    private final Clock clock;

    DefaultAdCampaigns(Campaigns campaigns, Catalog catalog, Stores stores, AdDay day, EngineSync engine,
            AdReports reports, Clock clock) {
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.stores = stores;
        this.day = day;
        this.engine = engine;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Campaign create(Actor seller, CampaignDraft draft) {
        seller.require(Role.SELLER);
        if (draft.productId() == null) {
            throw new InvalidInputException("productId", Text.of("ads.nameProductAdvertiseProductId"));
        }
        Product product = ownProduct(seller, draft.productId());
        Store store = stores.get(product.storeId());
        Instant now = clock.instant();
        Instant startsAt = draft.startsAt() == null ? now : draft.startsAt();
        requireCurrency(draft.currency(), store.currency());
        long budget = budget(draft.dailyBudgetMinor());
        BigDecimal roi = targetRoi(draft.targetRoi());
        checkDates(startsAt, draft.endsAt(), now, true);
        CampaignRow row = new CampaignRow(0, seller.accountId(), store.id(), product.id(), product.categoryId(),
                name(draft.name(), product.title()), store.currency(), budget, roi, orderValue(product), false, startsAt,
                draft.endsAt(), now, now);
        long id = campaigns.insert(row);
        engine.changedAfterCommit(id);
        return campaigns.find(id).orElseThrow().view(now, 0, null);
    }

    @Override
    @Transactional
    public Campaign update(Actor seller, long campaignId, CampaignDraft draft) {
        CampaignRow row = lockOwn(seller, campaignId);
        if (draft.productId() != null && draft.productId() != row.productId()) {
            throw new InvalidInputException("productId", Text.of("ads.campaignAdvertisesOneProductNot", row.productId(), draft.productId()));
        }
        Instant now = clock.instant();
        requireCurrency(draft.currency(), row.currency());
        long budget = draft.dailyBudgetMinor() == null ? row.dailyBudgetMinor() : budget(draft.dailyBudgetMinor());
        BigDecimal roi = draft.targetRoi() == null ? row.targetRoi() : targetRoi(draft.targetRoi());
        Instant startsAt = draft.startsAt() == null ? row.startsAt() : draft.startsAt();
        Instant endsAt = draft.endsAt() == null ? row.endsAt() : draft.endsAt();
        if (draft.startsAt() != null || draft.endsAt() != null) {
            checkDates(startsAt, endsAt, now, draft.startsAt() != null);
        }
        long orderValue = row.expectedOrderValueMinor();
        try {
            orderValue = orderValue(catalog.product(row.productId(), seller));
        } catch (DomainException e) {
            // A delisted product keeps the value it was advertised at.
        }
        CampaignRow changed = new CampaignRow(row.id(), row.sellerAccountId(), row.storeId(), row.productId(),
                row.categoryId(), draft.name() == null ? row.name() : name(draft.name(), row.name()), row.currency(), budget,
                roi, orderValue, row.paused(), startsAt, endsAt, row.createdAt(), now);
        campaigns.update(changed);
        engine.changedAfterCommit(row.id());
        return view(changed, now);
    }

    @Override
    @Transactional
    public Campaign pause(Actor seller, long campaignId) {
        return setPaused(seller, campaignId, true);
    }

    @Override
    @Transactional
    public Campaign resume(Actor seller, long campaignId) {
        return setPaused(seller, campaignId, false);
    }

    private Campaign setPaused(Actor seller, long campaignId, boolean paused) {
        CampaignRow row = lockOwn(seller, campaignId);
        Instant now = clock.instant();
        CampaignRow changed = new CampaignRow(row.id(), row.sellerAccountId(), row.storeId(), row.productId(),
                row.categoryId(), row.name(), row.currency(), row.dailyBudgetMinor(), row.targetRoi(),
                row.expectedOrderValueMinor(), paused, row.startsAt(), row.endsAt(), row.createdAt(), now);
        campaigns.update(changed);
        engine.changedAfterCommit(row.id());
        return view(changed, now);
    }

    @Override
    public Campaign get(Actor actor, long campaignId) {
        return view(visible(actor, campaignId), clock.instant());
    }

    @Override
    public List<Campaign> list(Actor actor) {
        actor.require(Role.SELLER, Role.OPERATOR);
        List<CampaignRow> rows = campaigns.ofSeller(actor.is(Role.OPERATOR) ? null : actor.accountId());
        Instant now = clock.instant();
        Map<Long, Long> spent = campaigns.spent(rows.stream().map(CampaignRow::id).toList(), day.of(now));
        return rows.stream().map(row -> row.view(now, spent.getOrDefault(row.id(), 0L), engine.bid(row.id()))).toList();
    }

    @Override
    public CampaignReport report(Actor actor, long campaignId, CampaignReport.Period period, LocalDate from, LocalDate to) {
        CampaignRow row = visible(actor, campaignId);
        return reports.report(row, period, from, to);
    }

    @Override
    public List<ClickCharge> clicks(Actor actor, long campaignId, int limit) {
        CampaignRow row = visible(actor, campaignId);
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", Text.of("ads.limitMustBetweenGot", limit));
        }
        return reports.clicks(row, limit);
    }

    @Override
    public ClickCharge.Explanation explain(Actor actor, long clickId) {
        actor.require(Role.SELLER, Role.OPERATOR);
        long campaignId = reports.campaignOfClick(clickId)
                .orElseThrow(() -> new NotFoundException(Text.of("ads.clickDoesNotExist", clickId)));
        CampaignRow row;
        try {
            row = visible(actor, campaignId);
        } catch (NotFoundException e) {
            throw new NotFoundException(Text.of("ads.clickDoesNotExist", clickId));
        }
        return reports.explain(row, clickId);
    }

    private Campaign view(CampaignRow row, Instant now) {
        return row.view(now, campaigns.spent(row.id(), day.of(now)), engine.bid(row.id()));
    }

    /** The campaign, if the actor may see it: its seller, or an operator. Another seller's is "not found". */
    private CampaignRow visible(Actor actor, long campaignId) {
        actor.require(Role.SELLER, Role.OPERATOR);
        return campaigns.find(campaignId)
                .filter(row -> actor.is(Role.OPERATOR) || row.sellerAccountId() == actor.accountId())
                .orElseThrow(() -> new NotFoundException(Text.of("ads.campaignDoesNotExist", campaignId)));
    }

    private CampaignRow lockOwn(Actor seller, long campaignId) {
        seller.require(Role.SELLER);
        return campaigns.lock(campaignId).filter(row -> row.sellerAccountId() == seller.accountId())
                .orElseThrow(() -> new NotFoundException(Text.of("ads.campaignDoesNotExist", campaignId)));
    }

    /** A product of one of the seller's stores; any other is "not found", so nothing is learnt about it. */
    private Product ownProduct(Actor seller, long productId) {
        NotFoundException notYours = new NotFoundException(Text.of("ads.productNotProductYourStores", productId));
        Product product;
        try {
            product = catalog.product(productId, seller);
        } catch (NotFoundException e) {
            throw notYours;
        }
        if (stores.ownedBy(seller.accountId()).stream().noneMatch(store -> store.id() == product.storeId())) {
            throw notYours;
        }
        return product;
    }

    private static void requireCurrency(@Nullable String currency, String storeCurrency) {
        if (currency != null && !currency.equals(storeCurrency)) {
            throw new InvalidInputException("currency", Text.of("ads.campaignSBudgetStoreS", storeCurrency, currency));
        }
    }

    static long budget(@Nullable Long minor) {
        if (minor == null) {
            throw new InvalidInputException("dailyBudgetMinor", Text.of("ads.giveDailyBudgetDailyBudgetMinor"));
        }
        if (minor < MIN_DAILY_BUDGET_MINOR || minor > MAX_DAILY_BUDGET_MINOR) {
            throw new InvalidInputException("dailyBudgetMinor", Text.of("ads.dailyBudgetMustBetweenMinor", MIN_DAILY_BUDGET_MINOR, MAX_DAILY_BUDGET_MINOR, minor));
        }
        return minor;
    }

    static BigDecimal targetRoi(@Nullable BigDecimal roi) {
        if (roi == null) {
            throw new InvalidInputException("targetRoi", Text.of("ads.giveTargetROIAttributedGMV"));
        }
        if (roi.compareTo(MIN_TARGET_ROI) < 0 || roi.compareTo(MAX_TARGET_ROI) > 0) {
            throw new InvalidInputException("targetRoi", Text.of("ads.targetROIMustBetweenGot", MIN_TARGET_ROI.toPlainString(), MAX_TARGET_ROI.toPlainString(), roi.toPlainString()));
        }
        if (roi.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("targetRoi", Text.of("ads.targetROIHasMostTwo", roi.toPlainString()));
        }
        return roi.setScale(2);
    }

    /** @param startChanged whether the start is new (a running campaign's start is in the past, and stays) */
    private static void checkDates(Instant startsAt, @Nullable Instant endsAt, Instant now, boolean startChanged) {
        if (startChanged && startsAt.isAfter(now.plus(MAX_LEAD))) {
            throw new InvalidInputException("startsAt", Text.of("ads.campaignMayStartMostDays", startsAt));
        }
        if (endsAt != null) {
            if (!endsAt.isAfter(startsAt)) {
                throw new InvalidInputException("endsAt", Text.of("ads.endMustAfterStart", endsAt, startsAt));
            }
            if (!endsAt.isAfter(now)) {
                throw new InvalidInputException("endsAt", Text.of("ads.endAlreadyPast", endsAt));
            }
            if (endsAt.isAfter(startsAt.plus(MAX_LENGTH))) {
                throw new InvalidInputException("endsAt", Text.of("ads.campaignMayRunMostDays", startsAt, endsAt));
            }
        }
    }

    private static String name(@Nullable String name, String fallback) {
        String chosen = name == null || name.isBlank() ? fallback : name.strip();
        if (chosen.length() > 100) {
            if (name == null || name.isBlank()) {
                return chosen.substring(0, 100);
            }
            throw new InvalidInputException("name", Text.of("ads.campaignNameHasMostCharacters", chosen.length()));
        }
        return chosen;
    }

    /** What an order of the product is expected to bring: its cheapest SKU's price. */
    private static long orderValue(Product product) {
        return product.skus().stream().mapToLong(Sku::priceMinor).filter(p -> p > 0).min().orElse(1);
    }

    @Override
    public java.util.Map<java.time.LocalDate, Long> payingAdvertisersPerDay(java.time.LocalDate from,
            java.time.LocalDate to, java.time.ZoneId zone) {
        return reports.payingAdvertisersPerDay(from, to, zone);
    }
}
