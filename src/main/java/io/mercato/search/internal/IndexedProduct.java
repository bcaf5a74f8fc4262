package io.mercato.search.internal;

import io.mercato.merchant.StoreKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A listed product as the index holds it: the catalog's data joined with its store's kind, its category's
 * ancestors, its stock and its sales.
 *
 * @param categoryPath the product's category and its ancestors, root first
 * @param attributes every SKU attribute value, by attribute name
 * @param priceMinor the cheapest SKU's price
 */
record IndexedProduct(long id, long storeId, StoreKind storeKind, long categoryId, List<Long> categoryPath,
        List<String> categoryNames, @Nullable Long brandId, @Nullable String brand, String title,
        Map<String, Set<String>> attributes, List<Long> skuIds, long priceMinor, String currency, boolean inStock,
        long sales, long createdAtMillis, @Nullable String image) {
}
