package io.mercato.web.shop;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.SaleableSku;
import io.mercato.inventory.StockLedger;
import io.mercato.ordering.Cart.CartItem;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import org.springframework.stereotype.Component;

/** The one line a "Buy now" checkout shows: the SKU as it may be bought now, shaped like a cart line. */
@Component
final class BuyNow {

    /** The most units one "Buy now" takes, as the cart allows. */
    static final long MAX_QUANTITY = 999;

    private final Catalog catalog;
    private final StockLedger stock;

    BuyNow(Catalog catalog, StockLedger stock) {
        this.catalog = catalog;
        this.stock = stock;
    }

    /**
     * @throws InvalidInputException naming {@code quantity} outside 1–{@link #MAX_QUANTITY}
     * @throws io.mercato.platform.NotFoundException when there is no such SKU
     * @throws io.mercato.platform.ConflictException when it is not on sale
     */
    CartItem item(long skuId, long quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidInputException("quantity", Text.of("ordering.quantityMustBetweenGot", MAX_QUANTITY, quantity));
        }
        SaleableSku sku = catalog.saleable(skuId);
        return new CartItem(skuId, quantity, sku.productId(), sku.storeId(), sku.title(), sku.attributes(), sku.price(),
                stock.stock(skuId).available(), true);
    }
}
