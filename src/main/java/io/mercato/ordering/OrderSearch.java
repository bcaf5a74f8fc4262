package io.mercato.ordering;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a seller or an operator looks for in an order list; every criterion left null matches any order, and the
 * criteria given combine.
 *
 * @param orderId exactly this order
 * @param status orders in this status
 * @param storeId orders of this store
 * @param buyerId orders of this buyer (sellers see only their stores' orders of that buyer)
 * @param placedFrom orders placed at or after this instant
 * @param placedBefore orders placed before this instant
 * @param product a product id, or a text found (case-insensitive) in one of the order's line titles
 */
public record OrderSearch(@Nullable Long orderId, @Nullable OrderStatus status, @Nullable Long storeId,
        @Nullable Long buyerId, @Nullable Instant placedFrom, @Nullable Instant placedBefore,
        @Nullable String product) {

    public OrderSearch {
        product = product == null || product.isBlank() ? null : product.strip();
    }

    /** Any order. */
    public static OrderSearch any() {
        return new OrderSearch(null, null, null, null, null, null, null);
    }

    /** One page of the orders a search found, newest first, and how many it found in all. */
    public record Found(java.util.List<OrderView> items, int page, int size, long total) {

        public Found {
            items = java.util.List.copyOf(items);
        }

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }
}
