package io.mercato.ordering.internal;

import io.mercato.ordering.Checkout;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
        return jdbc.sql("SELECT sku_id, quantity FROM ordering.cart_items WHERE buyer_id = ? ORDER BY added_at, sku_id")
                .param(buyerId).query((rs, n) -> new Checkout.Item(rs.getLong(1), rs.getLong(2))).list();
    }

    /** Sets the quantity of a SKU in the cart, adding it if absent, and says how many SKUs the cart now holds. */
    long put(long buyerId, long skuId, long quantity, Instant at) {
        jdbc.sql("""
                INSERT INTO ordering.cart_items (buyer_id, sku_id, quantity, added_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (buyer_id, sku_id) DO UPDATE SET quantity = EXCLUDED.quantity""")
                .params(buyerId, skuId, quantity, Timestamp.from(at)).update();
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
