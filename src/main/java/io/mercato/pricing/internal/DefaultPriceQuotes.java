package io.mercato.pricing.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.SkuPrice;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.pricing.MemberStatus;
import io.mercato.pricing.PriceQuotes;
import io.mercato.pricing.internal.PricingEngine.LineInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The engine's facade: reads the SKUs' list prices in one query and the buyer's usable coupons in another, asks
 * membership whether the buyer is a member, and prices with {@link PricingEngine} on this instance's snapshot of the
 * promotions.
 */
@Service
class DefaultPriceQuotes implements PriceQuotes {

    static final int MAX_LINES = 100;
    static final long MAX_QUANTITY = 999;

    private final Catalog catalog;
    private final DefaultVouchers vouchers;
    private final PromotionSnapshots snapshots;
    private final ObjectProvider<MemberStatus> members;
    private final ObjectProvider<FestivalScope> festivals;

    DefaultPriceQuotes(Catalog catalog, DefaultVouchers vouchers, PromotionSnapshots snapshots,
            ObjectProvider<MemberStatus> members, ObjectProvider<FestivalScope> festivals) {
        this.catalog = catalog;
        this.vouchers = vouchers;
        this.snapshots = snapshots;
        this.members = members;
        this.festivals = festivals;
    }

    @Override
    public Quote quote(QuoteRequest request) {
        if (request == null || request.lines().isEmpty()) {
            throw new InvalidInputException("lines", Text.of("pricing.nameLeastOneLinePrice"));
        }
        if (request.lines().size() > MAX_LINES) {
            throw new InvalidInputException("lines", Text.of("pricing.mostLinesPerQuoteGot", MAX_LINES, request.lines().size()));
        }
        Map<Long, Long> quantities = new LinkedHashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            Line line = request.lines().get(i);
            if (line == null) {
                throw new InvalidInputException("lines[" + i + "]", Text.of("pricing.linesEmptyNameSKUQuantity", i));
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw new InvalidInputException("lines[" + i + "].quantity", Text.of("pricing.quantitySKUMustBetweenGot", line.skuId(), MAX_QUANTITY, line.quantity()));
            }
            long merged = quantities.merge(line.skuId(), line.quantity(), Long::sum);
            if (merged > MAX_QUANTITY) {
                throw new InvalidInputException("lines[" + i + "].quantity", Text.of("pricing.quantitySKUAddsUpMore", line.skuId(), merged, MAX_QUANTITY));
            }
        }
        Map<Long, SkuPrice> prices = catalog.skuPrices(quantities.keySet());
        List<LineInput> lines = new ArrayList<>(quantities.size());
        for (var entry : quantities.entrySet()) {
            SkuPrice price = prices.get(entry.getKey());
            if (price == null) {
                int index = indexOf(request.lines(), entry.getKey());
                throw new InvalidInputException("lines[" + index + "].skuId", Text.of("pricing.skuDoesNotExist", entry.getKey()));
            }
            lines.add(new LineInput(price.skuId(), price.productId(), price.storeId(), price.price(), entry.getValue()));
        }
        Long buyer = request.buyerAccountId();
        CouponChoice choice = request.coupons() == null ? CouponChoice.BEST : request.coupons();
        if (buyer == null && choice.mode() == CouponChoice.Mode.CHOSEN && !choice.claimIds().isEmpty()) {
            throw new InvalidInputException("coupons", Text.of("pricing.signUseCoupons"));
        }
        List<UsableCoupon> coupons = buyer == null || choice.mode() == CouponChoice.Mode.NONE ? List.of()
                : vouchers.usable(buyer, request.at());
        if (choice.mode() == CouponChoice.Mode.CHOSEN) {
            for (long claimId : choice.claimIds()) {
                if (coupons.stream().noneMatch(c -> c.claimId() == claimId)) {
                    Text why = vouchers.whyUnusable(buyer, claimId, request.at());
                    throw new InvalidInputException("coupons", why == null ? Text.of("pricing.couponNotUsableNow", claimId) : why);
                }
            }
        }
        return PricingEngine.quote(snapshots.current(), request.at(), lines, isMember(buyer, request.at()), coupons,
                choice, festivalsOf());
    }

    @Override
    public Map<Long, DisplayPrice> displayPrices(Collection<Long> skuIds, @Nullable Long buyerAccountId, Instant at) {
        if (skuIds.isEmpty()) {
            return Map.of();
        }
        boolean member = isMember(buyerAccountId, at);
        var snapshot = snapshots.current();
        Map<Long, DisplayPrice> shown = new LinkedHashMap<>();
        catalog.skuPrices(skuIds).values().forEach(price ->
                shown.put(price.skuId(), PricingEngine.display(snapshot, price.skuId(), price.price(), member, at)));
        return shown;
    }

    private boolean isMember(@Nullable Long buyer, Instant at) {
        if (buyer == null) {
            return false;
        }
        MemberStatus status = members.getIfAvailable();
        return status != null && status.isMember(buyer, at);
    }

    private LongFunction<Set<Long>> festivalsOf() {
        FestivalScope scope = festivals.getIfAvailable();
        return scope == null ? sku -> Set.of() : scope::festivalsOf;
    }

    private static int indexOf(List<Line> lines, long skuId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).skuId() == skuId) {
                return i;
            }
        }
        return 0;
    }
}
