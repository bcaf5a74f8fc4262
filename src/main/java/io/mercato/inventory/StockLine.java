package io.mercato.inventory;

import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;

/** A quantity of one SKU an order holds. */
public record StockLine(long skuId, long quantity) {

    public StockLine {
        if (quantity <= 0) {
            throw new InvalidInputException("quantity", Text.of("inventory.quantitySKUMustPositiveGot", skuId, quantity));
        }
    }
}
