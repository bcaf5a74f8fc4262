package io.mercato.ordering.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.SaleableSku;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockLedger;
import io.mercato.ordering.Cart;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultCart implements Cart {

    static final int MAX_ITEMS = 100;
    static final long MAX_QUANTITY = 999;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final StockLedger stock;
    private final Clock clock;

    DefaultCart(JdbcClient jdbc, Catalog catalog, StockLedger stock, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.stock = stock;
        this.clock = clock;
    }

    @Override
    public List<CartItem> items(Actor buyer) {
        requireBuyer(buyer);
        record Row(long skuId, long quantity) {
        }
        List<Row> rows = jdbc.sql("SELECT sku_id, quantity FROM ordering.cart_items WHERE buyer_id = ? ORDER BY added_at, sku_id")
                .param(buyer.accountId()).query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, Stock> stocks = stock.stock(rows.stream().map(Row::skuId).toList());
        List<CartItem> items = new ArrayList<>();
        for (Row row : rows) {
            long available = stocks.containsKey(row.skuId()) ? stocks.get(row.skuId()).available() : 0;
            try {
                SaleableSku sku = catalog.saleable(row.skuId());
                items.add(new CartItem(row.skuId(), row.quantity(), sku.productId(), sku.storeId(), sku.title(),
                        sku.attributes(), sku.price().minor(), sku.price().currencyCode(), available, true));
            } catch (ConflictException | NotFoundException e) {
                items.add(new CartItem(row.skuId(), row.quantity(), 0, 0, e.getMessage(), Map.of(), 0, "CNY", 0, false));
            }
        }
        return items;
    }

    @Override
    @Transactional
    public List<CartItem> put(Actor buyer, long skuId, long quantity) {
        requireBuyer(buyer);
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidInputException("quantity", "Quantity must be between 1 and " + MAX_QUANTITY + ", got " + quantity);
        }
        try {
            catalog.saleable(skuId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("skuId", e.getMessage());
        }
        jdbc.sql("""
                INSERT INTO ordering.cart_items (buyer_id, sku_id, quantity, added_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (buyer_id, sku_id) DO UPDATE SET quantity = EXCLUDED.quantity""")
                .params(buyer.accountId(), skuId, quantity, Timestamp.from(clock.instant())).update();
        long count = jdbc.sql("SELECT count(*) FROM ordering.cart_items WHERE buyer_id = ?").param(buyer.accountId())
                .query(Long.class).single();
        if (count > MAX_ITEMS) {
            throw new ConflictException("A cart holds at most " + MAX_ITEMS + " SKUs; check out or remove some first");
        }
        return items(buyer);
    }

    @Override
    @Transactional
    public List<CartItem> remove(Actor buyer, long skuId) {
        requireBuyer(buyer);
        jdbc.sql("DELETE FROM ordering.cart_items WHERE buyer_id = ? AND sku_id = ?").params(buyer.accountId(), skuId).update();
        return items(buyer);
    }

    void removeAll(long buyerId, List<Long> skuIds) {
        jdbc.sql("DELETE FROM ordering.cart_items WHERE buyer_id = ? AND sku_id = ANY(?)")
                .params(buyerId, skuIds.toArray(Long[]::new)).update();
    }

    List<io.mercato.ordering.Checkout.Item> contents(long buyerId) {
        return jdbc.sql("SELECT sku_id, quantity FROM ordering.cart_items WHERE buyer_id = ? ORDER BY added_at, sku_id")
                .param(buyerId).query((rs, n) -> new io.mercato.ordering.Checkout.Item(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    static void requireBuyer(Actor actor) {
        if (!actor.is(Role.BUYER)) {
            throw new ForbiddenException("Only buyer accounts have carts and place orders");
        }
    }
}
