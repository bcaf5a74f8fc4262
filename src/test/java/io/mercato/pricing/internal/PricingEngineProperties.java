package io.mercato.pricing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.platform.ConflictException;
import io.mercato.platform.Money;
import io.mercato.pricing.AdjustmentKind;
import io.mercato.pricing.Funder;
import io.mercato.pricing.PriceQuotes.Adjustment;
import io.mercato.pricing.PriceQuotes.Applied;
import io.mercato.pricing.PriceQuotes.CouponChoice;
import io.mercato.pricing.PriceQuotes.Quote;
import io.mercato.pricing.PriceQuotes.QuotedLine;
import io.mercato.pricing.Promotions.SkuPromotion;
import io.mercato.pricing.Promotions.Threshold;

import io.mercato.pricing.internal.PricingEngine.LineInput;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The engine's invariants on random carts, promotions and coupons, each try from its own seed (printed on failure;
 * {@code -Dmercato.seed=<seed>} replays it): the paid total is never negative, nor any line; each discount's shares
 * sum exactly to it; merchant and platform shares sum to the discounts; the explanation recomputes the payable total;
 * pricing the same cart twice gives the same quote; and the best combination is never worse than any chosen one.
 */
class PricingEngineProperties {

    private static final int TRIES = 400;
    private static final Instant NOW = Instant.parse("2026-11-11T04:00:00Z");
    private static final java.util.Currency CNY = java.util.Currency.getInstance("CNY");

    @Test
    void everyQuoteExplainsEveryCentAndIsNeverNegative() {
        for (long seed : seeds()) {
            Case c = generate(new Random(seed));
            try {
                Quote quote = PricingEngine.quote(c.snapshot(), NOW, c.lines(), c.member(), c.coupons(), CouponChoice.BEST,
                        c.festivalsOf());
                check(quote, c);
                Quote again = PricingEngine.quote(c.snapshot(), NOW, c.lines(), c.member(), c.coupons(), CouponChoice.BEST,
                        c.festivalsOf());
                assertThat(again).as("the same cart priced twice").isEqualTo(quote);
                // The best combination is at least as good as no coupons and as every single coupon chosen alone.
                Quote none = PricingEngine.quote(c.snapshot(), NOW, c.lines(), c.member(), c.coupons(), CouponChoice.NONE,
                        c.festivalsOf());
                check(none, c);
                assertThat(quote.payable().minor()).isLessThanOrEqualTo(none.payable().minor());
                for (UsableCoupon coupon : c.coupons()) {
                    Quote alone;
                    try {
                        alone = PricingEngine.quote(c.snapshot(), NOW, c.lines(), c.member(), c.coupons(),
                                CouponChoice.chosen(List.of(coupon.claimId())), c.festivalsOf());
                    } catch (ConflictException | io.mercato.platform.InvalidInputException refused) {
                        continue;
                    }
                    check(alone, c);
                    assertThat(quote.payable().minor()).as("best vs coupon %d alone", coupon.claimId())
                            .isLessThanOrEqualTo(alone.payable().minor());
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Seed " + seed + " (replay with -Dmercato.seed=" + seed + "): " + c + "\n" + e, e);
            }
        }
    }

    @Test
    void apportionedSharesSumExactlyAndNeverPassTheirBase() {
        for (long seed : seeds()) {
            Random random = new Random(seed);
            long[] bases = new long[1 + random.nextInt(25)];
            long total = 0;
            for (int i = 0; i < bases.length; i++) {
                bases[i] = random.nextInt(5) == 0 ? 0 : random.nextLong(1, random.nextBoolean() ? 100 : 100_000_000_000L);
                total += bases[i];
            }
            long discount = total == 0 ? 0 : random.nextLong(0, total + 1);
            long[] shares = PricingEngine.apportion(discount, bases);
            long sum = 0;
            for (int i = 0; i < bases.length; i++) {
                assertThat(shares[i]).as("seed %d share %d", seed, i).isBetween(0L, bases[i]);
                sum += shares[i];
            }
            assertThat(sum).as("seed %d", seed).isEqualTo(discount);
        }
    }

    private static void check(Quote quote, Case c) {
        long payable = 0;
        long merchant = 0;
        long platform = 0;
        Map<String, Long> sharesByDiscount = new HashMap<>();
        for (QuotedLine line : quote.lines()) {
            assertThat(line.paid().minor()).as("line %d paid", line.skuId()).isNotNegative();
            long adjusted = 0;
            for (Adjustment adjustment : line.adjustments()) {
                assertThat(adjustment.amount().minor()).isPositive();
                assertThat(adjustment.funder()).isEqualTo(adjustment.kind().defaultFunder());
                adjusted += adjustment.amount().minor();
                if (adjustment.funder() == Funder.MERCHANT) {
                    merchant += adjustment.amount().minor();
                } else {
                    platform += adjustment.amount().minor();
                }
                sharesByDiscount.merge(key(adjustment.kind(), adjustment.promotionId(), adjustment.claimId()),
                        adjustment.amount().minor(), Long::sum);
            }
            assertThat(line.listTotal().minor() - adjusted).as("explanation of line %d", line.skuId())
                    .isEqualTo(line.paid().minor());
            payable += line.paid().minor();
        }
        assertThat(payable).isEqualTo(quote.payable().minor()).isNotNegative();
        assertThat(merchant).isEqualTo(quote.merchantFunded().minor());
        assertThat(platform).isEqualTo(quote.platformFunded().minor());
        assertThat(quote.listTotal().minor() - merchant - platform).isEqualTo(quote.payable().minor());
        long appliedTotal = 0;
        for (Applied applied : quote.applied()) {
            assertThat(sharesByDiscount.get(key(applied.kind(), applied.promotionId(), applied.claimId())))
                    .as("shares of %s", applied).isEqualTo(applied.amount().minor());
            appliedTotal += applied.amount().minor();
        }
        assertThat(appliedTotal).isEqualTo(merchant + platform);
        // At most one coupon per store, one voucher, one threshold discount.
        assertThat(quote.applied().stream().filter(a -> a.kind() == AdjustmentKind.PLATFORM_VOUCHER).count()).isLessThanOrEqualTo(1);
        assertThat(quote.applied().stream().filter(a -> a.kind() == AdjustmentKind.THRESHOLD).count()).isLessThanOrEqualTo(1);
        List<Long> couponStores = quote.applied().stream().filter(a -> a.kind() == AdjustmentKind.STORE_COUPON)
                .map(a -> c.coupons().stream().filter(k -> k.claimId() == a.claimId()).findFirst().orElseThrow().storeId())
                .toList();
        assertThat(couponStores).doesNotHaveDuplicates();
    }

    private static String key(AdjustmentKind kind, long promotionId, Long claimId) {
        return kind + ":" + promotionId + ":" + claimId;
    }

    record Case(PromotionSnapshot snapshot, List<LineInput> lines, boolean member, List<UsableCoupon> coupons,
            Map<Long, Set<Long>> festivals) {

        LongFunction<Set<Long>> festivalsOf() {
            return sku -> festivals.getOrDefault(sku, Set.of());
        }
    }

    private static Case generate(Random random) {
        int stores = 1 + random.nextInt(5);
        int lineCount = 1 + random.nextInt(20);
        List<LineInput> lines = new ArrayList<>();
        Map<Long, Set<Long>> festivals = new HashMap<>();
        List<SkuPromotion> promotions = new ArrayList<>();
        long promotionId = 1;
        AdjustmentKind[] skuKinds = {AdjustmentKind.FLASH_SALE, AdjustmentKind.LIMITED_TIME, AdjustmentKind.SUBSIDY,
                AdjustmentKind.MEMBER_PRICE};
        for (int i = 0; i < lineCount; i++) {
            long sku = 100 + i;
            long unit = random.nextInt(10) == 0 ? random.nextLong(1, 10) : random.nextLong(1, 200_000);
            lines.add(new LineInput(sku, 1000 + i, 1 + random.nextInt(stores), new Money(unit, CNY),
                    1 + random.nextInt(random.nextBoolean() ? 3 : 999)));
            if (random.nextInt(3) == 0) {
                festivals.put(sku, Set.of(7L));
            }
            int count = random.nextInt(3);
            for (int k = 0; k < count; k++) {
                AdjustmentKind kind = skuKinds[random.nextInt(skuKinds.length)];
                boolean byPrice = kind != AdjustmentKind.MEMBER_PRICE && random.nextBoolean();
                Instant start = NOW.minus(Duration.ofHours(random.nextInt(5) - 1));
                promotions.add(new SkuPromotion(promotionId++, kind, kind + " " + k, 1, sku,
                        byPrice ? new Money(random.nextLong(0, unit + 1), CNY) : null,
                        byPrice ? null : 1 + random.nextInt(kind == AdjustmentKind.MEMBER_PRICE ? 1_000 : 9_000),
                        start, start.plus(Duration.ofHours(2)), random.nextInt(10) == 0 ? NOW : null));
            }
        }
        List<Threshold> thresholds = new ArrayList<>();
        int thresholdCount = random.nextInt(3);
        for (int t = 0; t < thresholdCount; t++) {
            long step = random.nextLong(100, 100_000);
            long off = random.nextLong(1, step);
            thresholds.add(new Threshold(50 + t, "threshold " + t, new Money(step, CNY), new Money(off, CNY),
                    new Money(off * (1 + random.nextInt(10)), CNY), random.nextBoolean() ? 7L : null,
                    NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), null));
        }
        List<UsableCoupon> coupons = new ArrayList<>();
        int couponCount = random.nextInt(8);
        for (int k = 0; k < couponCount; k++) {
            boolean store = random.nextBoolean();
            long threshold = random.nextBoolean() ? 0 : random.nextLong(1, 500_000);
            long off = random.nextLong(1, threshold == 0 ? 100_000 : threshold + 1);
            coupons.add(new UsableCoupon(900 + k, random.nextInt(4) == 0 && k > 0 ? coupons.get(k - 1).poolId() : 300 + k,
                    "coupon " + k, store ? Funder.MERCHANT : Funder.PLATFORM, store ? (long) (1 + random.nextInt(stores + 1)) : null,
                    !store && random.nextInt(3) == 0 ? 7L : null, new Money(off, CNY), new Money(threshold, CNY),
                    NOW.plus(Duration.ofHours(1 + random.nextInt(100)))));
        }
        // A coupon of a shared pool is the same discount: make the pair identical but for its claim.
        for (int k = 1; k < coupons.size(); k++) {
            UsableCoupon c = coupons.get(k);
            UsableCoupon p = coupons.get(k - 1);
            if (c.poolId() == p.poolId()) {
                coupons.set(k, new UsableCoupon(c.claimId(), p.poolId(), p.name(), p.funder(), p.storeId(), p.festivalId(),
                        p.amountOff(), p.threshold(), c.validUntil()));
            }
        }
        return new Case(PromotionSnapshot.of(promotions, thresholds), lines, random.nextBoolean(), coupons, festivals);
    }

    private static List<Long> seeds() {
        String fixed = System.getProperty("mercato.seed");
        if (fixed != null && !fixed.isBlank()) {
            return List.of(Long.parseLong(fixed.strip()));
        }
        Random source = new Random(ThreadLocalRandom.current().nextLong());
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            seeds.add(source.nextLong());
        }
        return seeds;
    }
}
