package io.mercato.pricing.internal;

import io.mercato.http.CurrentActor;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.pricing.Funder;
import io.mercato.pricing.PriceQuotes;
import io.mercato.pricing.PriceQuotes.CouponChoice;
import io.mercato.pricing.Promotions;
import io.mercato.pricing.Vouchers;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Pricing", description = "Quotes with line-by-line explanations, display prices, coupons and promotions")
class PricingController {

    private static final int MAX_DISPLAY_SKUS = 200;

    private final PriceQuotes quotes;
    private final DefaultVouchers vouchers;
    private final Promotions promotions;
    private final Clock clock;

    PricingController(PriceQuotes quotes, DefaultVouchers vouchers, Promotions promotions, Clock clock) {
        this.quotes = quotes;
        this.vouchers = vouchers;
        this.promotions = promotions;
        this.clock = clock;
    }

    /** Public: what each SKU shows on product and search pages (with the member price for a signed-in member). */
    @GetMapping("/pricing/display-prices")
    Map<Long, PriceQuotes.DisplayPrice> displayPrices(@RequestParam("skuIds") String skuIds) {
        List<Long> ids;
        try {
            ids = Arrays.stream(skuIds.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf)
                    .distinct().toList();
        } catch (NumberFormatException e) {
            throw new InvalidInputException("skuIds", Text.of("pricing.skuIdsCommaSeparatedListSKU"));
        }
        if (ids.isEmpty() || ids.size() > MAX_DISPLAY_SKUS) {
            throw new InvalidInputException("skuIds", Text.of("pricing.nameSKUIdsGot", MAX_DISPLAY_SKUS, ids.size()));
        }
        Long buyer = CurrentActor.find().filter(a -> a.is(Role.BUYER)).map(Actor::accountId).orElse(null);
        return quotes.displayPrices(ids, buyer, now());
    }

    /** Public: the coupon pools open for claims, of a store or (without storeId) the platform's. */
    @GetMapping("/pricing/coupon-pools")
    List<Vouchers.Pool> claimable(@RequestParam(name = "storeId", required = false) @Nullable Long storeId) {
        return vouchers.claimable(storeId, now());
    }

    @PostMapping("/pricing/quotes")
    PriceQuotes.Quote quote(@RequestBody QuoteBody body, Actor actor) {
        actor.require(Role.BUYER);
        if (body == null || body.items() == null) {
            throw new InvalidInputException("items", Text.of("pricing.nameItemsPrice"));
        }
        List<PriceQuotes.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < body.items().size(); i++) {
            QuoteItem item = body.items().get(i);
            if (item == null) {
                throw new InvalidInputException("items[" + i + "]", Text.of("pricing.itemsEmptyNameSKUQuantity", i));
            }
            lines.add(new PriceQuotes.Line(item.skuId(), item.quantity()));
        }
        return quotes.quote(new PriceQuotes.QuoteRequest(actor.accountId(), lines, choice(body.couponIds(), body.coupons()), now()));
    }

    static CouponChoice choice(@Nullable List<Long> couponIds, @Nullable String mode) {
        if (mode == null || mode.isBlank()) {
            return couponIds == null ? CouponChoice.BEST : chosen(couponIds);
        }
        return switch (mode) {
            case "BEST" -> CouponChoice.BEST;
            case "NONE" -> CouponChoice.NONE;
            case "CHOSEN" -> chosen(couponIds == null ? List.of() : couponIds);
            default -> throw new InvalidInputException("coupons", Text.of("pricing.couponsBESTNONECHOSENGot", mode));
        };
    }

    private static CouponChoice chosen(List<Long> couponIds) {
        if (couponIds.size() > 20 || couponIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("couponIds", Text.of("pricing.nameMostCouponsNoneEmpty"));
        }
        return CouponChoice.chosen(couponIds);
    }

    @PostMapping("/pricing/coupon-pools/{poolId}/claims")
    @ResponseStatus(HttpStatus.CREATED)
    Vouchers.Claim claim(@PathVariable long poolId, Actor actor) {
        return vouchers.claim(actor, poolId);
    }

    @GetMapping("/pricing/coupons")
    List<Vouchers.Claim> wallet(Actor actor) {
        return vouchers.wallet(actor);
    }

    @GetMapping("/pricing/stores/{storeId}/coupon-pools")
    List<Vouchers.Pool> storePools(@PathVariable long storeId, Actor actor) {
        return vouchers.pools(actor, storeId);
    }

    @PostMapping("/pricing/stores/{storeId}/coupon-pools")
    @ResponseStatus(HttpStatus.CREATED)
    Vouchers.Pool createStorePool(@PathVariable long storeId, @RequestBody PoolBody body, Actor actor) {
        actor.require(Role.SELLER, Role.OPERATOR);
        return vouchers.createPool(actor, body(body).toPool(Funder.MERCHANT, storeId, null, false, false));
    }

    @GetMapping("/pricing/stores/{storeId}/promotions")
    List<Promotions.SkuPromotion> storePromotions(@PathVariable long storeId, Actor actor) {
        return promotions.ofStore(actor, storeId);
    }

    @PostMapping("/pricing/promotions")
    @ResponseStatus(HttpStatus.CREATED)
    Promotions.SkuPromotion createPromotion(@RequestBody Promotions.NewSkuPromotion body, Actor actor) {
        return promotions.create(actor, body);
    }

    @PostMapping("/pricing/promotions/{promotionId}/end")
    Promotions.SkuPromotion endPromotion(@PathVariable long promotionId, Actor actor) {
        return promotions.end(actor, promotionId);
    }

    @GetMapping("/operator/pricing/vouchers")
    List<Vouchers.Pool> platformPools(Actor actor) {
        return vouchers.pools(actor, null);
    }

    @PostMapping("/operator/pricing/vouchers")
    @ResponseStatus(HttpStatus.CREATED)
    Vouchers.Pool createPlatformPool(@RequestBody PoolBody body, Actor actor) {
        actor.require(Role.OPERATOR);
        PoolBody pool = body(body);
        return vouchers.createPool(actor, pool.toPool(Funder.PLATFORM, null, pool.festivalId(),
                Boolean.TRUE.equals(pool.membersOnly()), Boolean.TRUE.equals(pool.grantOnly())));
    }

    @GetMapping("/operator/pricing/subsidies")
    List<Promotions.SkuPromotion> subsidies(Actor actor) {
        return promotions.subsidies(actor);
    }

    @GetMapping("/operator/pricing/thresholds")
    List<Promotions.Threshold> thresholds(Actor actor) {
        return promotions.thresholds(actor);
    }

    @PostMapping("/operator/pricing/thresholds")
    @ResponseStatus(HttpStatus.CREATED)
    Promotions.Threshold createThreshold(@RequestBody Promotions.NewThreshold body, Actor actor) {
        return promotions.createThreshold(actor, body);
    }

    @PostMapping("/operator/pricing/thresholds/{thresholdId}/end")
    Promotions.Threshold endThreshold(@PathVariable long thresholdId, Actor actor) {
        return promotions.endThreshold(actor, thresholdId);
    }

    private static PoolBody body(@Nullable PoolBody body) {
        if (body == null) {
            throw new InvalidInputException("pool", Text.of("pricing.namePoolSFields"));
        }
        return body;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    record QuoteItem(long skuId, long quantity) {
    }

    /**
     * @param couponIds the coupons to use; leave out to let the engine choose the best combination
     * @param coupons BEST (default without couponIds), NONE, or CHOSEN (default with couponIds)
     */
    record QuoteBody(@Nullable List<QuoteItem> items, @Nullable List<Long> couponIds, @Nullable String coupons) {
    }

    record PoolBody(@Nullable String name, @Nullable Money amountOff, @Nullable Money threshold,
            @Nullable Long totalLimit, @Nullable Integer perBuyerLimit, @Nullable Instant claimFrom,
            @Nullable Instant claimUntil, @Nullable Instant validFrom, @Nullable Instant validUntil,
            @Nullable Long festivalId, @Nullable Boolean membersOnly, @Nullable Boolean grantOnly) {

        Vouchers.NewPool toPool(Funder funder, @Nullable Long storeId, @Nullable Long festival, boolean members,
                boolean grant) {
            if (totalLimit == null) {
                throw new InvalidInputException("totalLimit", Text.of("pricing.sayHowManyCouponsPool"));
            }
            if (perBuyerLimit == null) {
                throw new InvalidInputException("perBuyerLimit", Text.of("pricing.sayHowManyCouponsOne"));
            }
            Money zero = amountOff == null ? null : Money.zero(amountOff.currency());
            Instant from = claimFrom;
            Instant until = claimUntil;
            Windows.require("claimFrom", "claimUntil", from, until, DefaultVouchers.MAX_WINDOW);
            Instant validStart = validFrom == null ? from : validFrom;
            Instant validEnd = validUntil == null ? until : validUntil;
            return new Vouchers.NewPool(name, funder, storeId, festival, amountOff, threshold == null ? zero : threshold,
                    totalLimit, perBuyerLimit, from, until, validStart, validEnd, members, grant);
        }
    }
}
