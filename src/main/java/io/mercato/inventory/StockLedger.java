package io.mercato.inventory;

import io.mercato.platform.Actor;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Stock per SKU. Every operation runs in the caller's transaction, so an order's reservation commits or
 * rolls back with the order. Available stock never goes negative: a reservation that does not fit fails.
 */
public interface StockLedger {

    /** @throws io.mercato.platform.NotFoundException when the SKU has no stock record */
    Stock stock(long skuId);

    Map<Long, Stock> stock(Collection<Long> skuIds);

    /**
     * Sets the units on hand of a SKU of the actor's store.
     *
     * @throws io.mercato.platform.ConflictException when fewer than the reserved units would remain
     */
    Stock setOnHand(Actor actor, long skuId, long onHand);

    /**
     * Holds the lines for an order, all or nothing.
     *
     * @throws io.mercato.platform.ConflictException naming the first SKU without enough available units
     */
    void reserve(long orderId, List<StockLine> lines);

    /** Turns an order's reservation into a sale: the units leave on-hand stock. Idempotent. */
    void commit(long orderId);

    /** Frees an unpaid order's reservation. Idempotent. */
    void release(long orderId);

    /** Puts units of a sold line back on hand (a refund before shipment, or returned goods). */
    void restock(long orderId, long skuId, long quantity);
}
