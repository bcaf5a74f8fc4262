package io.mercato.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mercato.platform.Money;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A sellable variant of a product. The JSON shows the price flat, as {@code priceMinor} and {@code currency}.
 *
 * @param attributes variant attributes such as {@code colour} and {@code size}
 * @param price in the currency of the product's store
 */
@JsonPropertyOrder({"id", "productId", "attributes", "priceMinor", "currency", "barcode"})
public record Sku(long id, long productId, Map<String, String> attributes, @JsonIgnore Money price,
        @Nullable String barcode) {

    public Sku {
        attributes = Map.copyOf(attributes);
    }

    @JsonProperty("priceMinor")
    public long priceMinor() {
        return price.minor();
    }

    @JsonProperty("currency")
    public String currency() {
        return price.currencyCode();
    }
}
