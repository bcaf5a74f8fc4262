package io.mercato.ordering.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.SaleableSku;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockLedger;
import io.mercato.ordering.Cart;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cart as the buyer sees it: each SKU priced now, with its availability, or why it can no longer be bought. */
@Service
class DefaultCart implements Cart {

    private final Carts carts;
    private final Catalog catalog;
    private final StockLedger stock;
    private final Clock clock;

    DefaultCart(Carts carts, Catalog catalog, StockLedger stock, Clock clock) {
        this.carts = carts;
        this.catalog = catalog;
        this.stock = stock;
        this.clock = clock;
    }

    @Override
    public List<CartItem> items(Actor buyer) {
        Carts.requireBuyer(buyer);
        List<Carts.Line> rows = carts.lines(buyer.accountId());
        Map<Long, Stock> stocks = stock.stock(rows.stream().map(Carts.Line::skuId).toList());
        List<CartItem> items = new ArrayList<>();
        for (Carts.Line row : rows) {
            long available = stocks.containsKey(row.skuId()) ? stocks.get(row.skuId()).available() : 0;
            try {
                SaleableSku sku = catalog.saleable(row.skuId());
                items.add(new CartItem(row.skuId(), row.quantity(), sku.productId(), sku.storeId(), sku.title(),
                        sku.attributes(), sku.price(), available, true));
            } catch (ConflictException | NotFoundException e) {
                // No longer on sale: show what it was, under its store, with nothing to pay and nothing available.
                items.add(new CartItem(row.skuId(), row.quantity(), row.productId() == null ? 0 : row.productId(),
                        row.storeId() == null ? 0 : row.storeId(), row.title() == null ? "SKU " + row.skuId() : row.title(),
                        Map.of(), Money.zero(Currencies.CNY), 0, false));
            }
        }
        return items;
    }

    @Override
    @Transactional
    public List<CartItem> put(Actor buyer, long skuId, long quantity) {
        Carts.requireBuyer(buyer);
        if (quantity < 1 || quantity > Carts.MAX_QUANTITY) {
            throw new InvalidInputException("quantity", Text.of("ordering.quantityMustBetweenGot", Carts.MAX_QUANTITY, quantity));
        }
        SaleableSku sku;
        try {
            sku = catalog.saleable(skuId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("skuId", e.text());
        }
        if (carts.put(buyer.accountId(), skuId, quantity, sku.productId(), sku.storeId(), sku.title(), clock.instant())
                > Carts.MAX_ITEMS) {
            throw new ConflictException(Text.of("ordering.cartHoldsMostSKUsCheck", Carts.MAX_ITEMS));
        }
        return items(buyer);
    }

    @Override
    @Transactional
    public List<CartItem> remove(Actor buyer, long skuId) {
        Carts.requireBuyer(buyer);
        carts.remove(buyer.accountId(), skuId);
        return items(buyer);
    }
}
