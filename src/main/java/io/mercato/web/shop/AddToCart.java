package io.mercato.web.shop;

import io.mercato.inventory.StockLedger;
import io.mercato.ordering.Cart.CartItem;
import io.mercato.ordering.Cart;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Text;
import org.springframework.stereotype.Component;

/**
 * Adds units of a SKU to what the buyer's cart already holds, refusing more than are available now: the cart
 * itself checks no stock (checkout does), which is too late for a buyer pressing "add".
 */
@Component
final class AddToCart {

    private final Cart cart;
    private final StockLedger stock;

    AddToCart(Cart cart, StockLedger stock) {
        this.cart = cart;
        this.stock = stock;
    }

    /** @throws ConflictException naming what is left and what the cart already holds, when that is too few */
    void add(Actor buyer, long skuId, long quantity) {
        long already = cart.items(buyer).stream().filter(i -> i.skuId() == skuId).mapToLong(CartItem::quantity).sum();
        long wanted = already + quantity;
        long available = stock.stock(skuId).available();
        if (wanted > available) {
            throw new ConflictException(Text.of("web.onlyLeftItemYouAsked", available, wanted, (already > 0 ? Text.of("web.alreadyInCart", already) : "")));
        }
        cart.put(buyer, skuId, wanted);
    }
}
