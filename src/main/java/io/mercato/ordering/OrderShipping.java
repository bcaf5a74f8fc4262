package io.mercato.ordering;

import java.time.Instant;
import java.util.List;

/**
 * Shipping as ordering asks for it at checkout and another module (fulfillment) answers: ordering declares what it
 * passes, so that it never depends on the module that keeps warehouses and promises. Called once per order placed,
 * in the checkout's transaction, so what it records commits or rolls back with the order.
 */
public interface OrderShipping {

    /** The order was placed: quote and keep its delivery promise (or nothing, when the store cannot promise). */
    void placed(PlacedOrder order);

    /** @param productIds the products of the order's lines */
    record PlacedOrder(long orderId, long storeId, long buyerAccountId, long sellerAccountId, Address address,
            Instant placedAt, List<Long> productIds) {

        public PlacedOrder {
            productIds = List.copyOf(productIds);
        }
    }
}
