package io.mercato.inventory;

import io.mercato.platform.InvalidInputException;

/** A quantity of one SKU an order holds. */
public record StockLine(long skuId, long quantity) {

    public StockLine {
        if (quantity <= 0) {
            throw new InvalidInputException("quantity", "Quantity of SKU " + skuId + " must be positive, got " + quantity);
        }
    }
}
