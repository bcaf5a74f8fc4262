package io.mercato.ordering;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import java.util.List;
import java.util.Map;

/** A buyer's cart, which may hold SKUs of many stores. */
public interface Cart {

    List<CartItem> items(Actor buyer);

    /** Sets the quantity of a SKU in the cart (adding it if absent). */
    List<CartItem> put(Actor buyer, long skuId, long quantity);

    List<CartItem> remove(Actor buyer, long skuId);

    /**
     * A cart line with what the buyer needs to decide: price now and whether it can be bought. The JSON shows
     * the price as {@code unitPriceMinor} and {@code currency}.
     */
    @JsonPropertyOrder({"skuId", "quantity", "productId", "storeId", "title", "attributes", "unitPriceMinor", "currency"})
    record CartItem(long skuId, long quantity, long productId, long storeId, String title,
            Map<String, String> attributes, @JsonIgnore Money unitPrice, long available, boolean onSale) {

        @JsonProperty("unitPriceMinor")
        public long unitPriceMinor() {
            return unitPrice.minor();
        }

        @JsonProperty("currency")
        public String currency() {
            return unitPrice.currencyCode();
        }
    }
}
