package io.mercato.ordering.internal;

import io.mercato.ordering.Checkout;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The repository of buyers' carts ({@code ordering.cart_items}). A cart is not part of any order, so it has
 * a repository of its own beside {@link Orders}.
 */
@Repository
class Carts {

    static final int MAX_ITEMS = 100;
    static final long MAX_QUANTITY = 999;

    private final JdbcClient jdbc;

    Carts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the buyer put in the cart, oldest first. */
    List<Checkout.Item> contents(long buyerId) {
        return lines(buyerId).stream().map(line -> new Checkout.Item(line.skuId(), line.quantity())).toList();
    }

    /** A cart line as stored: the SKU, how many, and what it was when put in (null on lines from before that). */
    record Line(long skuId, long quantity, @Nullable Long productId, @Nullable Long storeId, @Nullable String title) {
    }

    /** The cart's lines with what they were when put in, oldest first. */
    List<Line> lines(long buyerId) {
        return jdbc.sql("""
                SELECT sku_id, quantity, product_id, store_id, title FROM ordering.cart_items WHERE buyer_id = ?
                ORDER BY added_at, sku_id""")
                .param(buyerId).query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class), rs.getString(5)))
                .list();
    }

    /**
     * Sets the quantity of a SKU in the cart, adding it if absent, with what it is now, and says how many SKUs
     * the cart now holds.
     */
    long put(long buyerId, long skuId, long quantity, long productId, long storeId, String title, Instant at) {
        jdbc.sql("""
                INSERT INTO ordering.cart_items (buyer_id, sku_id, quantity, added_at, product_id, store_id, title)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (buyer_id, sku_id) DO UPDATE SET quantity = EXCLUDED.quantity,
                  product_id = EXCLUDED.product_id, store_id = EXCLUDED.store_id, title = EXCLUDED.title""")
                .params(buyerId, skuId, quantity, Timestamp.from(at), productId, storeId, title).update();
        return jdbc.sql("SELECT count(*) FROM ordering.cart_items WHERE buyer_id = ?").param(buyerId)
                .query(Long.class).single();
    }

    void remove(long buyerId, long skuId) {
        jdbc.sql("DELETE FROM ordering.cart_items WHERE buyer_id = ? AND sku_id = ?").params(buyerId, skuId).update();
    }

    void removeAll(long buyerId, List<Long> skuIds) {
        jdbc.sql("DELETE FROM ordering.cart_items WHERE buyer_id = ? AND sku_id = ANY(?)")
                .params(buyerId, skuIds.toArray(Long[]::new)).update();
    }

    /** Only buyers have carts and place orders. */
    static void requireBuyer(Actor actor) {
        actor.require(Role.BUYER);
    }
}
