import io.mercato.platform.Money;
import io.mercato.pricing.AdjustmentKind;
import io.mercato.pricing.Funder;
import io.mercato.pricing.PriceQuotes.CouponChoice;
import io.mercato.pricing.PriceQuotes.Quote;
import io.mercato.pricing.Promotions.SkuPromotion;
import io.mercato.pricing.Promotions.Threshold;
import io.mercato.pricing.internal.PricingEngine;
import io.mercato.pricing.internal.PricingEngine.LineInput;
import io.mercato.pricing.internal.PromotionSnapshot;
import io.mercato.pricing.internal.UsableCoupon;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Pricing benchmark: the engine in-process on the snapshot it prices with in service, a 20-line cart across 5 stores
 * with 10 applicable promotions — two flash-sale prices, a limited-time discount, a subsidised price and a member
 * price on the cart's SKUs, three store coupons and a platform voucher the buyer holds, and a cross-store threshold
 * discount — priced with the best combination of coupons (every combination tried). The snapshot also holds 20,000
 * promotions on other SKUs, as a busy festival would. Each cart draws new quantities, so no two quotes are alike.
 * One thread in a closed loop: p50/p99 latency per cart and carts per second.
 *
 * <p>Run with {@code bench/pricing [--quick]}; ends with one line
 * {@code RESULT lines=… promotions=… p50_us=… p99_us=… carts_per_s=…}.
 */
public class PricingBench {

    static final Currency CNY = Currency.getInstance("CNY");
    static final Instant NOW = Instant.parse("2026-11-11T04:00:00Z");
    static final int LINES = 20;
    static final int STORES = 5;

    public static void main(String[] args) {
        long seed = 42;
        int warmup = 30;
        int duration = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { warmup = 10; duration = 20; }
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--duration" -> duration = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Random random = new Random(seed);
        long[] skus = new long[LINES];
        long[] units = new long[LINES];
        for (int i = 0; i < LINES; i++) {
            skus[i] = 1_000 + i;
            units[i] = 1_000 + random.nextInt(30_000);
        }
        Instant from = NOW.minus(Duration.ofHours(1));
        Instant until = NOW.plus(Duration.ofHours(5));
        List<SkuPromotion> promotions = new ArrayList<>();
        promotions.add(new SkuPromotion(1, AdjustmentKind.FLASH_SALE, "Flash 1", 1, skus[0], new Money(units[0] * 7 / 10, CNY), null, from, until, null));
        promotions.add(new SkuPromotion(2, AdjustmentKind.FLASH_SALE, "Flash 2", 2, skus[5], new Money(units[5] * 8 / 10, CNY), null, from, until, null));
        promotions.add(new SkuPromotion(3, AdjustmentKind.LIMITED_TIME, "Limited", 3, skus[9], null, 1_500, from, until, null));
        promotions.add(new SkuPromotion(4, AdjustmentKind.SUBSIDY, "Subsidy", 4, skus[13], null, 3_000, from, until, null));
        promotions.add(new SkuPromotion(5, AdjustmentKind.MEMBER_PRICE, "Member price", 5, skus[17], null, 500, from, until, null));
        for (int p = 0; p < 20_000; p++) {
            promotions.add(new SkuPromotion(100 + p, AdjustmentKind.values()[p % 4], "Other " + p, 9, 100_000 + p,
                    null, 1 + p % 8_000, from, until, null));
        }
        List<Threshold> thresholds = List.of(new Threshold(50, "50 off every 300", new Money(30_000, CNY),
                new Money(5_000, CNY), new Money(50_000, CNY), null, from, until, null));
        PromotionSnapshot snapshot = PromotionSnapshot.of(promotions, thresholds);
        Instant validUntil = NOW.plus(Duration.ofDays(3));
        List<UsableCoupon> coupons = List.of(
                new UsableCoupon(900, 300, "A 20 off 100", Funder.MERCHANT, 1L, null, new Money(2_000, CNY), new Money(10_000, CNY), validUntil),
                new UsableCoupon(901, 301, "B 30 off 200", Funder.MERCHANT, 2L, null, new Money(3_000, CNY), new Money(20_000, CNY), validUntil),
                new UsableCoupon(902, 302, "C 15 off 0", Funder.MERCHANT, 3L, null, new Money(1_500, CNY), new Money(0, CNY), validUntil),
                new UsableCoupon(903, 303, "Voucher 40 off 400", Funder.PLATFORM, null, null, new Money(4_000, CNY), new Money(40_000, CNY), validUntil));
        int promotionsApplicable = 5 + 3 + 1 + thresholds.size();

        Random carts = new Random(seed + 1);
        List<LineInput> probe = cart(skus, units, carts);
        Quote first = PricingEngine.quote(snapshot, NOW, probe, true, coupons, CouponChoice.BEST, sku -> Set.of());
        System.out.println("[pricing] sample quote: list " + first.listTotal() + ", payable " + first.payable() + ", "
                + first.applied().size() + " discounts applied, coupons " + first.claimIds());

        run(snapshot, coupons, skus, units, carts, Duration.ofSeconds(warmup), null);
        long[] samples = new long[2_000_000];
        int[] count = new int[1];
        long started = System.nanoTime();
        run(snapshot, coupons, skus, units, carts, Duration.ofSeconds(duration), (nanos) -> {
            if (count[0] < samples.length) {
                samples[count[0]++] = nanos;
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = Arrays.copyOf(samples, count[0]);
        Arrays.sort(sorted);
        long p50 = sorted[(int) (sorted.length * 0.50)] / 1_000;
        long p99 = sorted[(int) (sorted.length * 0.99)] / 1_000;
        long rate = Math.round(count[0] / seconds);
        System.out.println("RESULT lines=" + LINES + " promotions=" + promotionsApplicable + " p50_us=" + p50 + " p99_us="
                + p99 + " carts_per_s=" + rate);
    }

    interface Sink {
        void sample(long nanos);
    }

    static long blackhole;

    static void run(PromotionSnapshot snapshot, List<UsableCoupon> coupons, long[] skus, long[] units, Random random,
            Duration length, Sink sink) {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            List<LineInput> lines = cart(skus, units, random);
            long start = System.nanoTime();
            Quote quote = PricingEngine.quote(snapshot, NOW, lines, true, coupons, CouponChoice.BEST, sku -> Set.of());
            long took = System.nanoTime() - start;
            blackhole += quote.payable().minor();
            if (sink != null) {
                sink.sample(took);
            }
        }
    }

    static List<LineInput> cart(long[] skus, long[] units, Random random) {
        List<LineInput> lines = new ArrayList<>(LINES);
        for (int i = 0; i < LINES; i++) {
            lines.add(new LineInput(skus[i], 10_000 + i, 1 + (i % STORES), new Money(units[i], CNY), 1 + random.nextInt(3)));
        }
        return lines;
    }
}
