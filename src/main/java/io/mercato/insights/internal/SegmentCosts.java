package io.mercato.insights.internal;

import io.mercato.insights.Insights;
import io.mercato.merchant.StoreKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * The cost model behind adjusted profit (docs/kpis.md): per segment, basis points of its GMV
 * ({@code mercato.insights.cost.<SEGMENT>.gmv-bp}) and of its revenue ({@code mercato.insights.cost.<SEGMENT>.revenue-bp}).
 * The defaults are round figures of the kind a marketplace's results show, to be set to the operator's own.
 */
record SegmentCosts(Map<String, Integer> gmvBp, Map<String, Integer> revenueBp) {

    static final Map<String, int[]> DEFAULTS = Map.of(
            StoreKind.TAOBAO.name(), new int[] {30, 2_000},
            StoreKind.TMALL.name(), new int[] {30, 2_000},
            StoreKind.SUPERMARKET.name(), new int[] {0, 8_500},
            StoreKind.LOCAL.name(), new int[] {300, 2_000},
            StoreKind.GLOBAL.name(), new int[] {150, 2_500},
            StoreKind.WHOLESALE.name(), new int[] {30, 2_000});

    static SegmentCosts from(Environment environment) {
        Map<String, Integer> gmv = new HashMap<>();
        Map<String, Integer> revenue = new HashMap<>();
        for (StoreKind kind : StoreKind.values()) {
            int[] defaults = DEFAULTS.get(kind.name());
            gmv.put(kind.name(), basisPoints(environment, kind, "gmv-bp", defaults[0]));
            revenue.put(kind.name(), basisPoints(environment, kind, "revenue-bp", defaults[1]));
        }
        return new SegmentCosts(Map.copyOf(gmv), Map.copyOf(revenue));
    }

    private static int basisPoints(Environment environment, StoreKind kind, String name, int fallback) {
        int value = environment.getProperty("mercato.insights.cost." + kind.name() + "." + name, Integer.class, fallback);
        if (value < 0 || value > 10_000) {
            throw new IllegalStateException("mercato.insights.cost." + kind.name() + "." + name + " is " + value
                    + " basis points; it must be 0 to 10000");
        }
        return value;
    }

    /** The segment's cost: its GMV and revenue at their rates, each rounded half-up. */
    long cost(String segment, long gmvMinor, long revenueMinor) {
        return share(gmvMinor, gmvBp.getOrDefault(segment, 0)) + share(revenueMinor, revenueBp.getOrDefault(segment, 0));
    }

    private static long share(long amount, int basisPoints) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
    }

    Insights.CostModel view() {
        return new Insights.CostModel(gmvBp, revenueBp);
    }
}
