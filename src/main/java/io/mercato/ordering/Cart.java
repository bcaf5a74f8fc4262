package io.mercato.ordering;

import io.mercato.platform.Actor;
import java.util.List;
import java.util.Map;

/** A buyer's cart, which may hold SKUs of many stores. */
public interface Cart {

    List<CartItem> items(Actor buyer);

    /** Sets the quantity of a SKU in the cart (adding it if absent). */
    List<CartItem> put(Actor buyer, long skuId, long quantity);

    List<CartItem> remove(Actor buyer, long skuId);

    /** A cart line with what the buyer needs to decide: price now and whether it can be bought. */
    record CartItem(long skuId, long quantity, long productId, long storeId, String title,
            Map<String, String> attributes, long unitPriceMinor, String currency, long available, boolean onSale) {
    }
}
