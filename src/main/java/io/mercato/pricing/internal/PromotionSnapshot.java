package io.mercato.pricing.internal;

import io.mercato.pricing.Promotions.SkuPromotion;
import io.mercato.pricing.Promotions.Threshold;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The promotions as one immutable value: what the engine prices with. */
public record PromotionSnapshot(long version, Map<Long, List<SkuPromotion>> bySku, List<Threshold> thresholds) {

    static final PromotionSnapshot EMPTY_UNLOADED = new PromotionSnapshot(-1, Map.of(), List.of());

    public PromotionSnapshot {
        bySku = Map.copyOf(bySku);
        thresholds = List.copyOf(thresholds);
    }

    List<SkuPromotion> of(long skuId) {
        return bySku.getOrDefault(skuId, List.of());
    }

    public static PromotionSnapshot of(List<SkuPromotion> promotions, List<Threshold> thresholds) {
        Map<Long, List<SkuPromotion>> bySku = new HashMap<>();
        promotions.forEach(p -> bySku.computeIfAbsent(p.skuId(), k -> new ArrayList<>()).add(p));
        Map<Long, List<SkuPromotion>> frozen = new HashMap<>();
        bySku.forEach((sku, list) -> frozen.put(sku, List.copyOf(list)));
        return new PromotionSnapshot(0, frozen, thresholds);
    }
}
