package io.mercato.web.shop;

import io.mercato.merchant.Store;
import io.mercato.ordering.Cart.CartItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * The cart as the cart and checkout pages show it: the items grouped by store (one order each at checkout) in the
 * order they were added, each group with its subtotal, and the total per currency.
 */
record CartView(List<StoreGroup> groups, Map<String, Long> totals) {

    record StoreGroup(Store store, List<CartItem> items, long subtotalMinor, String currency) {
    }

    static CartView of(List<CartItem> items, LongFunction<Store> stores) {
        Map<Long, List<CartItem>> byStore = items.stream()
                .collect(Collectors.groupingBy(CartItem::storeId, LinkedHashMap::new, Collectors.toList()));
        List<StoreGroup> groups = byStore.entrySet().stream()
                .map(e -> new StoreGroup(stores.apply(e.getKey()), e.getValue(),
                        e.getValue().stream().mapToLong(CartView::amount).sum(), e.getValue().getFirst().currency()))
                .toList();
        Map<String, Long> totals = items.stream().collect(Collectors.groupingBy(CartItem::currency, LinkedHashMap::new,
                Collectors.summingLong(CartView::amount)));
        return new CartView(groups, totals);
    }

    private static long amount(CartItem item) {
        return item.unitPriceMinor() * item.quantity();
    }
}
