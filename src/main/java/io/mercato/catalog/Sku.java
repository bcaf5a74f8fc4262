package io.mercato.catalog;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A sellable variant of a product.
 *
 * @param attributes variant attributes such as {@code colour} and {@code size}
 * @param priceMinor price in minor units of {@code currency}
 */
public record Sku(long id, long productId, Map<String, String> attributes, long priceMinor, String currency,
        @Nullable String barcode) {

    public Sku {
        attributes = Map.copyOf(attributes);
    }
}
