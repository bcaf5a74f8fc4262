package io.mercato.inventory;

/**
 * Published, inside the changing transaction, when a SKU sells out (available reaches zero), comes back
 * (available rises from zero), or its seller sets its on-hand stock. Changes that leave a SKU in stock on
 * both sides are not published, so the checkout path pays for an event only at the edges.
 */
public record StockChanged(long skuId, long available) {
}
