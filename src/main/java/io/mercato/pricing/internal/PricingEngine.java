package io.mercato.pricing.internal;

import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Text;
import io.mercato.pricing.AdjustmentKind;
import io.mercato.pricing.Funder;
import io.mercato.pricing.PriceQuotes.Adjustment;
import io.mercato.pricing.PriceQuotes.Applied;
import io.mercato.pricing.PriceQuotes.CouponChoice;
import io.mercato.pricing.PriceQuotes.DisplayPrice;
import io.mercato.pricing.PriceQuotes.Quote;
import io.mercato.pricing.PriceQuotes.QuotedLine;
import io.mercato.pricing.Promotions;
import io.mercato.pricing.Promotions.SkuPromotion;
import io.mercato.pricing.Promotions.Threshold;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The pricing rules as one pure function of the promotions in force, the cart, the buyer's membership and coupons:
 * no clock, no database, so the same input always gives the same quote.
 *
 * <p>Order of application (each stage works on what the stages before it left of each line):
 * <ol>
 * <li>SKU prices: the lowest of the flash-sale, limited-time, subsidised (at most 80% off) and member price (members
 * only) in force replaces the list price; one adjustment per line, ties going to the kind listed first in
 * {@link AdjustmentKind}, then the older promotion.</li>
 * <li>Store coupons: at most one per store, on that store's lines, when they reach its threshold.</li>
 * <li>Threshold discount: at most one per checkout — the one taking off the most ("50 off every 300", up to its
 * cap), on the lines of its currency (of its festival's SKUs when it has one).</li>
 * <li>Platform voucher: at most one per checkout, on the lines of its currency (of its festival's SKUs when it has
 * one), when they reach its threshold.</li>
 * </ol>
 * A discount over several lines is apportioned in proportion to what each line still costs, by largest remainder
 * (ties to the earlier line), so the shares sum exactly to the discount and no line goes below zero. Percentages round
 * half up to the minor unit. {@link CouponChoice.Mode#BEST} tries every combination of the buyer's coupons (one or
 * none per store, one or none across stores) when there are at most {@value #EXHAUSTIVE_LIMIT}, else takes each
 * store's largest coupon and tries every voucher; it keeps the lowest payable total, the first found on a tie (no
 * coupon before a coupon, coupons expiring sooner first).
 */
public final class PricingEngine {

    static final int EXHAUSTIVE_LIMIT = 512;

    private PricingEngine() {
    }

    /** One line to price: the SKU as the catalogue has it and how many. */
    public record LineInput(long skuId, long productId, long storeId, Money listUnit, long quantity) {
    }

    public static Quote quote(PromotionSnapshot promotions, Instant at, List<LineInput> lines, boolean member,
            List<UsableCoupon> coupons, CouponChoice choice, LongFunction<Set<Long>> festivalsOf) {
        if (lines.isEmpty()) {
            throw new InvalidInputException("lines", Text.of("pricing.nameLeastOneLinePrice"));
        }
        Currency currency = lines.getFirst().listUnit().currency();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).listUnit().currency().equals(currency)) {
                throw new InvalidInputException("lines[" + i + "].skuId", Text.of("pricing.skuPricedOthersCheckOut", lines.get(i).skuId(), lines.get(i).listUnit().currencyCode(), currency.getCurrencyCode()));
            }
        }
        int n = lines.size();
        long[] amount = new long[n];
        List<List<Adjustment>> adjustments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LineInput line = lines.get(i);
            long list = Math.multiplyExact(line.listUnit().minor(), line.quantity());
            amount[i] = list;
            List<Adjustment> own = new ArrayList<>(4);
            SkuPrice best = skuPrice(promotions.of(line.skuId()), line.listUnit(), member, at);
            if (best != null) {
                long off = Math.multiplyExact(line.listUnit().minor() - best.unitMinor(), line.quantity());
                own.add(new Adjustment(best.promotion().kind(), best.promotion().kind().defaultFunder(),
                        best.promotion().id(), null, best.promotion().name(), new Money(off, currency)));
                amount[i] -= off;
            }
            adjustments.add(own);
        }
        // Coupons the choice allows, grouped into the options of each store and of the voucher.
        List<UsableCoupon> allowed = switch (choice.mode()) {
            case NONE -> List.of();
            case BEST -> coupons.stream().filter(c -> c.amountOff().currency().equals(currency)).toList();
            case CHOSEN -> chosen(coupons, choice.claimIds(), lines, currency);
        };
        Map<Long, List<@Nullable UsableCoupon>> storeOptions = new LinkedHashMap<>();
        for (LineInput line : lines) {
            storeOptions.computeIfAbsent(line.storeId(), k -> new ArrayList<>());
        }
        List<@Nullable UsableCoupon> voucherOptions = new ArrayList<>();
        List<UsableCoupon> ordered = new ArrayList<>(allowed);
        ordered.sort(Comparator.comparing(UsableCoupon::validUntil).thenComparingLong(UsableCoupon::claimId));
        Set<Long> seenPools = new java.util.HashSet<>();
        for (UsableCoupon coupon : ordered) {
            // Two coupons of one pool are the same discount: keep the one that expires first.
            if (choice.mode() == CouponChoice.Mode.BEST && !seenPools.add(coupon.poolId())) {
                continue;
            }
            if (coupon.storeId() != null) {
                List<@Nullable UsableCoupon> options = storeOptions.get(coupon.storeId());
                if (options != null) {
                    options.add(coupon);
                }
            } else {
                voucherOptions.add(coupon);
            }
        }
        Stage base = new Stage(amount, adjustments);
        Result result;
        if (choice.mode() == CouponChoice.Mode.CHOSEN) {
            Map<Long, UsableCoupon> perStore = new LinkedHashMap<>();
            storeOptions.forEach((store, options) -> {
                if (!options.isEmpty()) {
                    perStore.put(store, options.getFirst());
                }
            });
            UsableCoupon voucher = voucherOptions.isEmpty() ? null : voucherOptions.getFirst();
            result = apply(base, lines, perStore, voucher, promotions, at, festivalsOf, true);
        } else {
            result = best(base, lines, storeOptions, voucherOptions, promotions, at, festivalsOf);
        }
        return assemble(at, lines, result, currency);
    }

    /** The SKU-level price of one unit for display: list price and the price after SKU promotions. */
    static DisplayPrice display(PromotionSnapshot promotions, long skuId, Money listUnit, boolean member, Instant at) {
        SkuPrice best = skuPrice(promotions.of(skuId), listUnit, member, at);
        if (best == null) {
            return new DisplayPrice(skuId, listUnit, listUnit, null);
        }
        Money price = new Money(best.unitMinor(), listUnit.currency());
        return new DisplayPrice(skuId, listUnit, price, new Adjustment(best.promotion().kind(),
                best.promotion().kind().defaultFunder(), best.promotion().id(), null, best.promotion().name(),
                listUnit.minus(price)));
    }

    private record SkuPrice(SkuPromotion promotion, long unitMinor) {
    }

    private static @Nullable SkuPrice skuPrice(List<SkuPromotion> promotions, Money listUnit, boolean member, Instant at) {
        SkuPrice best = null;
        for (SkuPromotion promotion : promotions) {
            if (!promotion.activeAt(at) || (promotion.kind() == AdjustmentKind.MEMBER_PRICE && !member)) {
                continue;
            }
            long unit;
            if (promotion.price() != null) {
                if (!promotion.price().currency().equals(listUnit.currency())) {
                    continue;
                }
                unit = promotion.price().minor();
            } else {
                unit = listUnit.minor() - listUnit.basisPoints(promotion.percentOffBasisPoints()).minor();
            }
            if (promotion.kind() == AdjustmentKind.SUBSIDY) {
                // The list price may have changed since the subsidy was set: never more than 80% off.
                unit = Math.max(unit, listUnit.minor() - listUnit.basisPoints(Promotions.SUBSIDY_MAX_BP).minor());
            }
            unit = Math.max(0, Math.min(unit, listUnit.minor()));
            if (unit >= listUnit.minor()) {
                continue;
            }
            if (best == null || unit < best.unitMinor()
                    || (unit == best.unitMinor() && (promotion.kind().ordinal() < best.promotion().kind().ordinal()
                            || (promotion.kind() == best.promotion().kind() && promotion.id() < best.promotion().id())))) {
                best = new SkuPrice(promotion, unit);
            }
        }
        return best;
    }

    private static List<UsableCoupon> chosen(List<UsableCoupon> usable, List<Long> claimIds, List<LineInput> lines,
            Currency currency) {
        List<UsableCoupon> chosen = new ArrayList<>();
        Set<Long> stores = new java.util.HashSet<>();
        lines.forEach(line -> stores.add(line.storeId()));
        Map<Long, Long> storeCoupon = new java.util.HashMap<>();
        Long voucher = null;
        for (int i = 0; i < claimIds.size(); i++) {
            long claimId = claimIds.get(i);
            UsableCoupon coupon = usable.stream().filter(c -> c.claimId() == claimId).findFirst()
                    .orElseThrow(() -> new InvalidInputException("coupons", Text.of("pricing.couponNotOneYoursCannot", claimId)));
            if (chosen.contains(coupon)) {
                throw new InvalidInputException("coupons", Text.of("pricing.couponNamedTwice", claimId));
            }
            if (!coupon.amountOff().currency().equals(currency)) {
                throw new InvalidInputException("coupons", Text.of("pricing.couponCart", claimId, coupon.amountOff().currencyCode(), currency.getCurrencyCode()));
            }
            if (coupon.storeId() != null) {
                if (!stores.contains(coupon.storeId())) {
                    throw new InvalidInputException("coupons", Text.of("pricing.couponStoreWhichHasNothing", claimId, coupon.storeId()));
                }
                Long before = storeCoupon.put(coupon.storeId(), claimId);
                if (before != null) {
                    throw new ConflictException(Text.of("pricing.couponsBothStoreOneStore", before, claimId, coupon.storeId()));
                }
            } else {
                if (voucher != null) {
                    throw new ConflictException(Text.of("pricing.couponsBothPlatformVouchersOne", voucher, claimId));
                }
                voucher = claimId;
            }
            chosen.add(coupon);
        }
        return chosen;
    }

    /** What the lines cost after some stages, and each line's adjustments so far. */
    private record Stage(long[] amount, List<List<Adjustment>> adjustments) {

        Stage copy() {
            List<List<Adjustment>> lists = new ArrayList<>(adjustments.size());
            adjustments.forEach(list -> lists.add(new ArrayList<>(list)));
            return new Stage(amount.clone(), lists);
        }

        long total() {
            long sum = 0;
            for (long a : amount) {
                sum += a;
            }
            return sum;
        }
    }

    private record Result(Stage stage, List<Applied> applied, List<Long> claimIds) {
    }

    private static Result best(Stage base, List<LineInput> lines, Map<Long, List<@Nullable UsableCoupon>> storeOptions,
            List<@Nullable UsableCoupon> voucherOptions, PromotionSnapshot promotions, Instant at,
            LongFunction<Set<Long>> festivalsOf) {
        List<Long> stores = new ArrayList<>(storeOptions.keySet());
        List<List<@Nullable UsableCoupon>> options = new ArrayList<>();
        long combinations = voucherOptions.size() + 1L;
        for (Long store : stores) {
            List<@Nullable UsableCoupon> withNone = new ArrayList<>();
            withNone.add(null);
            withNone.addAll(storeOptions.get(store));
            options.add(withNone);
            combinations = Math.min(Long.MAX_VALUE / 64, combinations * withNone.size());
        }
        if (combinations > EXHAUSTIVE_LIMIT) {
            // Too many to try: each store's largest coupon it can use, then every voucher.
            for (int s = 0; s < stores.size(); s++) {
                long storeTotal = 0;
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).storeId() == stores.get(s)) {
                        storeTotal += base.amount()[i];
                    }
                }
                UsableCoupon largest = null;
                for (UsableCoupon coupon : options.get(s)) {
                    if (coupon != null && storeTotal >= Math.max(1, coupon.threshold().minor())
                            && (largest == null || Math.min(coupon.amountOff().minor(), storeTotal)
                                    > Math.min(largest.amountOff().minor(), storeTotal))) {
                        largest = coupon;
                    }
                }
                List<@Nullable UsableCoupon> only = new ArrayList<>();
                only.add(largest);
                options.set(s, only);
            }
        }
        int[] pick = new int[stores.size()];
        Result best = null;
        while (true) {
            Map<Long, UsableCoupon> perStore = new LinkedHashMap<>();
            for (int s = 0; s < stores.size(); s++) {
                UsableCoupon coupon = options.get(s).get(pick[s]);
                if (coupon != null) {
                    perStore.put(stores.get(s), coupon);
                }
            }
            for (int v = -1; v < voucherOptions.size(); v++) {
                UsableCoupon voucher = v < 0 ? null : voucherOptions.get(v);
                Result result = apply(base, lines, perStore, voucher, promotions, at, festivalsOf, false);
                if (result != null && (best == null || result.stage().total() < best.stage().total())) {
                    best = result;
                }
            }
            int s = stores.size() - 1;
            while (s >= 0 && pick[s] == options.get(s).size() - 1) {
                pick[s] = 0;
                s--;
            }
            if (s < 0) {
                break;
            }
            pick[s]++;
        }
        return best;
    }

    /**
     * Applies the coupons and the threshold discount on top of the SKU prices; null (or, when {@code strict}, a
     * refusal) when a coupon's threshold is not reached.
     */
    private static @Nullable Result apply(Stage base, List<LineInput> lines, Map<Long, UsableCoupon> perStore,
            @Nullable UsableCoupon voucher, PromotionSnapshot promotions, Instant at,
            LongFunction<Set<Long>> festivalsOf, boolean strict) {
        Stage stage = base.copy();
        List<Applied> applied = new ArrayList<>();
        List<Long> claimIds = new ArrayList<>();
        Currency currency = lines.getFirst().listUnit().currency();
        // SKU-level adjustments first, as applied.
        for (int i = 0; i < lines.size(); i++) {
            for (Adjustment adjustment : stage.adjustments().get(i)) {
                applied.add(new Applied(adjustment.kind(), adjustment.funder(), adjustment.promotionId(), null,
                        adjustment.name(), adjustment.amount()));
            }
        }
        for (var entry : perStore.entrySet()) {
            UsableCoupon coupon = entry.getValue();
            boolean[] eligible = new boolean[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                eligible[i] = lines.get(i).storeId() == entry.getKey();
            }
            if (!discount(stage, eligible, coupon, AdjustmentKind.STORE_COUPON, applied, claimIds, currency, strict)) {
                return null;
            }
        }
        // The threshold discount taking off the most.
        Threshold bestThreshold = null;
        long bestOff = 0;
        boolean[] bestEligible = null;
        for (Threshold threshold : promotions.thresholds()) {
            if (!threshold.activeAt(at) || !threshold.step().currency().equals(currency)) {
                continue;
            }
            boolean[] eligible = eligible(lines, threshold.festivalId(), festivalsOf);
            long total = sum(stage.amount(), eligible);
            long steps = total / threshold.step().minor();
            long off = Math.min(threshold.cap().minor(), Math.multiplyExact(Math.min(steps, Long.MAX_VALUE / threshold.off().minor()), threshold.off().minor()));
            off = Math.min(off, total);
            if (off > bestOff) {
                bestThreshold = threshold;
                bestOff = off;
                bestEligible = eligible;
            }
        }
        if (bestThreshold != null) {
            share(stage, bestEligible, bestOff, AdjustmentKind.THRESHOLD, bestThreshold.id(), null, bestThreshold.name(),
                    currency);
            applied.add(new Applied(AdjustmentKind.THRESHOLD, Funder.PLATFORM, bestThreshold.id(), null,
                    bestThreshold.name(), new Money(bestOff, currency)));
        }
        if (voucher != null) {
            boolean[] eligible = eligible(lines, voucher.festivalId(), festivalsOf);
            if (!discount(stage, eligible, voucher, AdjustmentKind.PLATFORM_VOUCHER, applied, claimIds, currency, strict)) {
                return null;
            }
        }
        return new Result(stage, applied, claimIds);
    }

    private static boolean discount(Stage stage, boolean[] eligible, UsableCoupon coupon, AdjustmentKind kind,
            List<Applied> applied, List<Long> claimIds, Currency currency, boolean strict) {
        long total = sum(stage.amount(), eligible);
        if (total <= 0 || total < coupon.threshold().minor()) {
            if (strict) {
                throw new ConflictException(Text.of("pricing.couponNeedsEligibleItemsCart", coupon.claimId(), coupon.threshold(), new Money(total, currency)));
            }
            return false;
        }
        long off = Math.min(coupon.amountOff().minor(), total);
        share(stage, eligible, off, kind, coupon.poolId(), coupon.claimId(), coupon.name(), currency);
        applied.add(new Applied(kind, coupon.funder(), coupon.poolId(), coupon.claimId(), coupon.name(),
                new Money(off, currency)));
        claimIds.add(coupon.claimId());
        return true;
    }

    private static boolean[] eligible(List<LineInput> lines, @Nullable Long festivalId, LongFunction<Set<Long>> festivalsOf) {
        boolean[] eligible = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            eligible[i] = festivalId == null || festivalsOf.apply(lines.get(i).skuId()).contains(festivalId);
        }
        return eligible;
    }

    private static long sum(long[] amount, boolean[] eligible) {
        long sum = 0;
        for (int i = 0; i < amount.length; i++) {
            if (eligible[i]) {
                sum += amount[i];
            }
        }
        return sum;
    }

    private static void share(Stage stage, boolean[] eligible, long discount, AdjustmentKind kind, long promotionId,
            @Nullable Long claimId, String name, Currency currency) {
        long[] bases = new long[eligible.length];
        for (int i = 0; i < eligible.length; i++) {
            bases[i] = eligible[i] ? stage.amount()[i] : 0;
        }
        long[] shares = apportion(discount, bases);
        for (int i = 0; i < shares.length; i++) {
            if (shares[i] > 0) {
                stage.amount()[i] -= shares[i];
                stage.adjustments().get(i).add(new Adjustment(kind, kind.defaultFunder(), promotionId, claimId, name,
                        new Money(shares[i], currency)));
            }
        }
    }

    /**
     * Splits {@code discount} over the bases in proportion, by largest remainder: the shares sum exactly to the
     * discount, ties in the remainder go to the earlier base, and when the discount is at most the bases' sum no share
     * exceeds its base.
     */
    static long[] apportion(long discount, long[] bases) {
        long total = 0;
        for (long base : bases) {
            if (base < 0) {
                throw new IllegalArgumentException("A base is negative: " + base);
            }
            total = Math.addExact(total, base);
        }
        if (discount < 0 || discount > total) {
            throw new IllegalArgumentException("Cannot apportion " + discount + " over " + total);
        }
        long[] shares = new long[bases.length];
        if (discount == 0) {
            return shares;
        }
        long[] remainders = new long[bases.length];
        long given = 0;
        BigInteger bigTotal = BigInteger.valueOf(total);
        for (int i = 0; i < bases.length; i++) {
            long product;
            long quotient;
            long remainder;
            try {
                product = Math.multiplyExact(discount, bases[i]);
                quotient = product / total;
                remainder = product % total;
            } catch (ArithmeticException overflow) {
                BigInteger[] qr = BigInteger.valueOf(discount).multiply(BigInteger.valueOf(bases[i])).divideAndRemainder(bigTotal);
                quotient = qr[0].longValueExact();
                remainder = qr[1].longValueExact();
            }
            shares[i] = quotient;
            remainders[i] = remainder;
            given += quotient;
        }
        long left = discount - given;
        if (left > 0) {
            Integer[] order = new Integer[bases.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> remainders[a] != remainders[b]
                    ? Long.compare(remainders[b], remainders[a]) : Integer.compare(a, b));
            for (int k = 0; k < left; k++) {
                shares[order[k]]++;
            }
        }
        return shares;
    }

    private static Quote assemble(Instant at, List<LineInput> lines, Result result, Currency currency) {
        List<QuotedLine> quoted = new ArrayList<>(lines.size());
        long list = 0;
        long merchant = 0;
        long platform = 0;
        for (int i = 0; i < lines.size(); i++) {
            LineInput line = lines.get(i);
            Money listTotal = line.listUnit().times(line.quantity());
            list += listTotal.minor();
            for (Adjustment adjustment : result.stage().adjustments().get(i)) {
                if (adjustment.funder() == Funder.MERCHANT) {
                    merchant += adjustment.amount().minor();
                } else {
                    platform += adjustment.amount().minor();
                }
            }
            quoted.add(new QuotedLine(line.skuId(), line.productId(), line.storeId(), line.quantity(), line.listUnit(),
                    listTotal, result.stage().adjustments().get(i), new Money(result.stage().amount()[i], currency)));
        }
        return new Quote(at, quoted, result.applied(), result.claimIds(), new Money(list, currency),
                new Money(merchant, currency), new Money(platform, currency),
                new Money(result.stage().total(), currency));
    }
}
