package io.mercato.web.shop;

import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.inventory.Stock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the buy box shows: the SKU the buyer picked, or else the first one that can be bought (the first at all when
 * none can), with the units available of it and of every SKU, so the picker can grey out the sold-out ones.
 */
record BuyBox(Sku selected, long available, Map<Long, Long> levels) {

    static BuyBox of(Product product, Map<Long, Stock> stock, @Nullable Long skuId) {
        Sku selected = product.skus().stream().filter(s -> skuId != null && s.id() == skuId).findFirst()
                .orElse(product.skus().stream()
                        .filter(s -> stock.containsKey(s.id()) && stock.get(s.id()).available() > 0).findFirst()
                        .orElse(product.skus().getFirst()));
        long available = stock.containsKey(selected.id()) ? stock.get(selected.id()).available() : 0;
        Map<Long, Long> levels = stock.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().available()));
        return new BuyBox(selected, available, levels);
    }

    /** The variant axes of the product (colour, size, …) with each value once, in the order the SKUs give them. */
    static Map<String, List<String>> axes(Product product) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        product.skus().forEach(sku -> sku.attributes().forEach((axis, value) -> {
            List<String> values = axes.computeIfAbsent(axis, a -> new ArrayList<>());
            if (!values.contains(value)) {
                values.add(value);
            }
        }));
        return axes;
    }
}
