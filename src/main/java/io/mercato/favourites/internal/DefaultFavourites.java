package io.mercato.favourites.internal;

import io.mercato.catalog.Catalog;
import io.mercato.favourites.Favourite;
import io.mercato.favourites.Favourites;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Favourites in the {@code favourites} schema, one table per kind. The cap is checked after the insert inside the
 * transaction, under a lock on the buyer's rows, so two adds at once cannot pass it together.
 */
@Service
class DefaultFavourites implements Favourites {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Stores stores;
    private final Clock clock;

    DefaultFavourites(JdbcClient jdbc, Catalog catalog, Stores stores, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.stores = stores;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void addProduct(Actor buyer, long productId) {
        buyer.require(Role.BUYER);
        catalog.product(productId, null);
        add("products", "product_id", buyer, productId);
    }

    @Override
    @Transactional
    public void removeProduct(Actor buyer, long productId) {
        buyer.require(Role.BUYER);
        jdbc.sql("DELETE FROM favourites.products WHERE buyer_account_id = ? AND product_id = ?")
                .params(buyer.accountId(), productId).update();
    }

    @Override
    @Transactional
    public void addStore(Actor buyer, long storeId) {
        buyer.require(Role.BUYER);
        stores.get(storeId);
        add("stores", "store_id", buyer, storeId);
    }

    @Override
    @Transactional
    public void removeStore(Actor buyer, long storeId) {
        buyer.require(Role.BUYER);
        jdbc.sql("DELETE FROM favourites.stores WHERE buyer_account_id = ? AND store_id = ?")
                .params(buyer.accountId(), storeId).update();
    }

    private void add(String table, String column, Actor buyer, long id) {
        // Serialise one buyer's adds (the advisory lock is released at commit) so the cap holds under concurrency.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('favourites'), ?::int)").param((int) buyer.accountId())
                .query().singleRow();
        int added = jdbc.sql("INSERT INTO favourites." + table + " (buyer_account_id, " + column + ", added_at) "
                        + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(buyer.accountId(), id, Timestamp.from(clock.instant())).update();
        if (added == 0) {
            return;
        }
        long kept = jdbc.sql("SELECT count(*) FROM favourites." + table + " WHERE buyer_account_id = ?")
                .param(buyer.accountId()).query(Long.class).single();
        if (kept > MAX) {
            throw new ConflictException(Text.of("favourites.full", MAX));
        }
    }

    @Override
    public List<Favourite> products(Actor buyer) {
        buyer.require(Role.BUYER);
        return jdbc.sql("""
                SELECT product_id, added_at FROM favourites.products WHERE buyer_account_id = ?
                ORDER BY added_at DESC, product_id DESC""").param(buyer.accountId())
                .query((rs, n) -> new Favourite(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
    }

    @Override
    public List<Favourite> stores(Actor buyer) {
        buyer.require(Role.BUYER);
        return jdbc.sql("""
                SELECT store_id, added_at FROM favourites.stores WHERE buyer_account_id = ?
                ORDER BY added_at DESC, store_id DESC""").param(buyer.accountId())
                .query((rs, n) -> new Favourite(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
    }

    @Override
    public Set<Long> keptProducts(Actor buyer, Collection<Long> productIds) {
        if (!buyer.is(Role.BUYER) || productIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT product_id FROM favourites.products WHERE buyer_account_id = ? AND product_id = ANY(?)""")
                .params(buyer.accountId(), productIds.stream().mapToLong(Long::longValue).toArray())
                .query(Long.class).list());
    }

    @Override
    public boolean keepsStore(Actor buyer, long storeId) {
        return buyer.is(Role.BUYER) && jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM favourites.stores WHERE buyer_account_id = ? AND store_id = ?)""")
                .params(buyer.accountId(), storeId).query(Boolean.class).single();
    }

    @Override
    public long followers(long storeId) {
        return jdbc.sql("SELECT count(*) FROM favourites.stores WHERE store_id = ?").param(storeId)
                .query(Long.class).single();
    }
}
