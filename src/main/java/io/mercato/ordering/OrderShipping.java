package io.mercato.ordering;

import io.mercato.platform.Money;
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

    /**
     * The shipping fee the store charges for an order about to be placed, in the goods' currency: zero when the store
     * ships free (no rates, none for this destination, or the goods reach its free-shipping threshold). Asked before the
     * order is written, in the checkout's transaction; the fee becomes part of the order's total and the merchant's.
     */
    default Money fee(FeeQuestion question) {
        return Money.zero(question.goods().currency());
    }

    /**
     * @param goods what the buyer pays for the order's lines, after every discount
     * @param units how many units the order holds
     */
    record FeeQuestion(long storeId, Address address, Money goods, long units) {
    }

    /** @param productIds the products of the order's lines */
    record PlacedOrder(long orderId, long storeId, long buyerAccountId, long sellerAccountId, Address address,
            Instant placedAt, List<Long> productIds) {

        public PlacedOrder {
            productIds = List.copyOf(productIds);
        }
    }
}
