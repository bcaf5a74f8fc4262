package io.mercato.ads.internal;

import io.mercato.ads.AdCampaigns;
import io.mercato.ads.AdServing;
import io.mercato.ads.AdServing.PlacementSettings;
import io.mercato.ads.AdSlot;
import io.mercato.ads.Campaign;
import io.mercato.ads.CampaignDraft;
import io.mercato.ads.CampaignReport;
import io.mercato.ads.ClickCharge;
import io.mercato.ads.SponsoredAd;
import io.mercato.http.CurrentActor;
import io.mercato.payment.AdAccounts;
import io.mercato.payment.AdAccounts.AdTopUp;
import io.mercato.payment.Posting;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.search.ProductSearch;
import io.mercato.search.SearchQuery;
import io.mercato.search.SearchResult;
import io.mercato.search.SearchSort;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Ads", description = "Campaigns, the ad account, sponsored results and the explanation of every click charge")
class AdsController {

    private final AdCampaigns campaigns;
    private final AdServing serving;
    private final AdAccounts accounts;
    private final ProductSearch search;
    private final AdDay day;
    private final Clock clock;

    AdsController(AdCampaigns campaigns, AdServing serving, AdAccounts accounts, ProductSearch search, AdDay day,
            Clock clock) {
        this.campaigns = campaigns;
        this.serving = serving;
        this.accounts = accounts;
        this.search = search;
        this.day = day;
        this.clock = clock;
    }

    @PostMapping("/ads/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    Campaign create(@RequestBody CampaignDraft draft, Actor actor) {
        return campaigns.create(actor, draft);
    }

    @GetMapping("/ads/campaigns")
    List<Campaign> list(Actor actor) {
        return campaigns.list(actor);
    }

    @GetMapping("/ads/campaigns/{id}")
    Campaign get(@PathVariable long id, Actor actor) {
        return campaigns.get(actor, id);
    }

    @PutMapping("/ads/campaigns/{id}")
    Campaign update(@PathVariable long id, @RequestBody CampaignDraft draft, Actor actor) {
        return campaigns.update(actor, id, draft);
    }

    @PostMapping("/ads/campaigns/{id}/pause")
    Campaign pause(@PathVariable long id, Actor actor) {
        return campaigns.pause(actor, id);
    }

    @PostMapping("/ads/campaigns/{id}/resume")
    Campaign resume(@PathVariable long id, Actor actor) {
        return campaigns.resume(actor, id);
    }

    /** Figures per hour or day; by default the last 7 days (by hour: today). */
    @GetMapping("/ads/campaigns/{id}/report")
    CampaignReport report(@PathVariable long id, @RequestParam(defaultValue = "DAY") CampaignReport.Period by,
            @RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
            Actor actor) {
        LocalDate today = day.of(clock.instant());
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? (by == CampaignReport.Period.HOUR ? last : last.minusDays(6)) : from;
        return campaigns.report(actor, id, by, first, last);
    }

    @GetMapping("/ads/campaigns/{id}/clicks")
    List<ClickCharge> clicks(@PathVariable long id, @RequestParam(defaultValue = "50") int limit, Actor actor) {
        return campaigns.clicks(actor, id, limit);
    }

    /** Why a click cost what it did: the auction, the competitors' scores, the reserve, the price. */
    @GetMapping("/ads/clicks/{id}/explanation")
    ClickCharge.Explanation explain(@PathVariable long id, Actor actor) {
        return campaigns.explain(actor, id);
    }

    record AdAccountView(String currency, long balanceMinor, List<Posting> postings) {
    }

    @GetMapping("/ads/account")
    AdAccountView account(@RequestParam(defaultValue = "CNY") String currency, Actor actor) {
        actor.require(Role.SELLER);
        Money balance = accounts.balance(actor.accountId(), Money.of(0, currency).currency());
        return new AdAccountView(balance.currencyCode(), balance.minor(), accounts.postings(actor, 50));
    }

    record Amount(@Nullable Long amountMinor, @Nullable String currency) {
    }

    @PostMapping("/ads/account/top-ups")
    @ResponseStatus(HttpStatus.CREATED)
    AdTopUpView topUp(@RequestBody Amount amount, Actor actor) {
        actor.require(Role.SELLER);
        if (amount.amountMinor() == null) {
            throw new InvalidInputException("amountMinor", Text.of("ads.giveAmountMoveAdAccount"));
        }
        Currency currency = Money.of(0, amount.currency() == null ? "CNY" : amount.currency()).currency();
        AdTopUp topUp = accounts.topUp(actor, new Money(amount.amountMinor(), currency));
        return new AdTopUpView(topUp.postingId(), topUp.amount().minor(), topUp.amount().currencyCode(),
                topUp.balanceAfter().minor());
    }

    record AdTopUpView(long postingId, long amountMinor, String currency, long balanceAfterMinor) {
    }

    /**
     * Sponsored results for an API client: for {@code SEARCH}, the ads that go with the search for {@code q}; for
     * {@code FEED}, the ads of the caller's home feed. Each is marked {@code sponsored} and carries its signed click
     * link. An anonymous client may name its device with {@code visitor} (a UUID), so that its clicks are told
     * apart from other anonymous clients'.
     */
    private static final java.util.regex.Pattern VISITOR = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @GetMapping("/ads/serve")
    List<SponsoredAd> serve(@RequestParam AdSlot placement, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable Long category, @RequestParam(required = false) @Nullable String visitor) {
        Actor actor = CurrentActor.find().orElse(null);
        if (visitor != null && !VISITOR.matcher(visitor).matches()) {
            throw new InvalidInputException("visitor", Text.of("ads.visitorIdUUIDSuchF2b8c1e"));
        }
        String viewer = actor != null ? (actor.is(Role.BUYER) ? "b" : "a") + actor.accountId()
                : visitor != null ? "v" + visitor.toLowerCase(java.util.Locale.ROOT) : "a0";
        Long buyer = actor != null && actor.is(Role.BUYER) ? actor.accountId() : null;
        if (placement == AdSlot.FEED) {
            return serving.forFeed(buyer, viewer);
        }
        SearchResult result = search.search(new SearchQuery(q.isBlank() ? null : q.strip(), category, null, Set.of(),
                Set.of(), null, null, false, Map.of(), SearchSort.RELEVANCE, 0, 24, false));
        Set<Long> products = new LinkedHashSet<>();
        Set<Long> categories = new LinkedHashSet<>();
        result.hits().forEach(hit -> {
            products.add(hit.productId());
            categories.add(hit.categoryId());
        });
        if (category != null) {
            categories.add(category);
        }
        return serving.forSearch(products, categories, viewer);
    }

    @GetMapping("/operator/ads/placements")
    List<PlacementSettings> placements(Actor actor) {
        actor.require(Role.OPERATOR);
        return serving.placements();
    }

    record PlacementChange(@Nullable Integer slots, @Nullable Long reserveMinor) {
    }

    @PutMapping("/operator/ads/placements/{placement}")
    PlacementSettings configure(@PathVariable AdSlot placement, @RequestBody PlacementChange change, Actor actor) {
        if (change.slots() == null) {
            throw new InvalidInputException("slots", Text.of("ads.giveNumberSponsoredSlots"));
        }
        if (change.reserveMinor() == null) {
            throw new InvalidInputException("reserveMinor", Text.of("ads.giveReservePricePerClick"));
        }
        return serving.configure(actor, placement, change.slots(), change.reserveMinor());
    }
}
