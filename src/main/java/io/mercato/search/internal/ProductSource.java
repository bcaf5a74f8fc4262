package io.mercato.search.internal;

import io.mercato.catalog.Brand;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductStatus;
import io.mercato.catalog.Sku;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockLedger;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what the index needs through the owning modules' facades (catalog, merchant, inventory) and the
 * search schema's own sales counts. Store kinds, brand names and the category tree are cached and reloaded
 * when an unknown id turns up (stores never change kind; categories and brands are only added).
 */
@Component
class ProductSource {

    private final Catalog catalog;
    private final Stores stores;
    private final StockLedger stock;
    private final JdbcClient jdbc;
    private final Map<Long, StoreKind> kinds = new ConcurrentHashMap<>();
    private volatile Map<Long, Category> categories = Map.of();
    private volatile List<Category> roots = List.of();
    private volatile long lastCategoryLoad;
    private volatile Map<Long, String> brands = Map.of();

    ProductSource(Catalog catalog, Stores stores, StockLedger stock, JdbcClient jdbc) {
        this.catalog = catalog;
        this.stores = stores;
        this.stock = stock;
        this.jdbc = jdbc;
    }

    /** The products' current state: listed ones to (re)index, and the ids to remove from the index. */
    Loaded load(List<Long> productIds) {
        List<Product> products = catalog.products(productIds);
        Set<Long> gone = new HashSet<>(productIds);
        List<Product> listed = new ArrayList<>();
        for (Product product : products) {
            if (product.status() == ProductStatus.LISTED && !product.skus().isEmpty()) {
                listed.add(product);
                gone.remove(product.id());
            }
        }
        return new Loaded(enrich(listed), gone);
    }

    record Loaded(List<IndexedProduct> present, Set<Long> removed) {
    }

    List<IndexedProduct> listedAfter(long afterId, int limit) {
        return enrich(catalog.listedAfter(afterId, limit));
    }

    long listedCount() {
        return catalog.browse(null, null, 0, 1).total();
    }

    private List<IndexedProduct> enrich(List<Product> products) {
        if (products.isEmpty()) {
            return List.of();
        }
        List<Long> skuIds = new ArrayList<>();
        List<Long> productIds = new ArrayList<>();
        for (Product product : products) {
            productIds.add(product.id());
            product.skus().forEach(sku -> skuIds.add(sku.id()));
        }
        Map<Long, Stock> stocks = stock.stock(skuIds);
        Map<Long, Long> sales = sales(productIds);
        List<IndexedProduct> result = new ArrayList<>(products.size());
        for (Product product : products) {
            long price = Long.MAX_VALUE;
            boolean inStock = false;
            Map<String, Set<String>> attributes = new TreeMap<>();
            List<Long> skus = new ArrayList<>();
            for (Sku sku : product.skus()) {
                skus.add(sku.id());
                price = Math.min(price, sku.price().minor());
                Stock units = stocks.get(sku.id());
                inStock |= units != null && units.available() > 0;
                sku.attributes().forEach((name, value) -> attributes.computeIfAbsent(name, k -> new TreeSet<>()).add(value));
            }
            List<Long> path = categoryPath(product.categoryId(), true);
            List<String> names = path.stream().map(id -> categories.get(id).name()).toList();
            Long brandId = product.brandId();
            result.add(new IndexedProduct(product.id(), product.storeId(), storeKind(product.storeId()),
                    product.categoryId(), path, names, brandId, brandId == null ? null : brandName(brandId),
                    product.title(), attributes, skus, price, product.skus().getFirst().price().currencyCode(), inStock,
                    sales.getOrDefault(product.id(), 0L), product.createdAt().toEpochMilli(),
                    product.images().isEmpty() ? null : product.images().getFirst()));
        }
        return result;
    }

    private Map<Long, Long> sales(List<Long> productIds) {
        Map<Long, Long> sales = new HashMap<>();
        jdbc.sql("SELECT product_id, units FROM search.product_sales WHERE product_id = ANY(?)")
                .param(productIds.toArray(Long[]::new))
                .query((RowCallbackHandler) rs -> sales.put(rs.getLong(1), rs.getLong(2)));
        return sales;
    }

    StoreKind storeKind(long storeId) {
        return kinds.computeIfAbsent(storeId, id -> stores.get(id).kind());
    }

    /** The category and its ancestors, root first. */
    List<Long> categoryPath(long categoryId) {
        return categoryPath(categoryId, false);
    }

    private List<Long> categoryPath(long categoryId, boolean indexing) {
        if (!categories.containsKey(categoryId)) {
            reloadCategories(indexing);
        }
        LinkedList<Long> path = new LinkedList<>();
        Category node = categories.get(categoryId);
        while (node != null && path.size() < 50) {
            path.addFirst(node.id());
            node = node.parentId() == null ? null : categories.get(node.parentId());
        }
        return path;
    }

    @Nullable Category category(long id) {
        Category category = categories.get(id);
        if (category == null) {
            reloadCategories(false);
            category = categories.get(id);
        }
        return category;
    }

    List<Category> roots() {
        if (categories.isEmpty()) {
            reloadCategories(false);
        }
        return roots;
    }

    @Nullable String brandName(long brandId) {
        String name = brands.get(brandId);
        if (name == null) {
            Map<Long, String> reloaded = new HashMap<>();
            for (Brand brand : catalog.brands()) {
                reloaded.put(brand.id(), brand.name());
            }
            brands = reloaded;
            name = reloaded.get(brandId);
        }
        return name;
    }

    /**
     * Reloads the tree. Indexing always reloads on an unknown id (the category was just created); queries
     * reload at most once a second, so queries naming categories that do not exist cannot storm the database.
     */
    private synchronized void reloadCategories(boolean always) {
        long now = System.nanoTime();
        if (!always && !categories.isEmpty() && now - lastCategoryLoad < 1_000_000_000L) {
            return;
        }
        lastCategoryLoad = now;
        Map<Long, Category> all = new HashMap<>();
        List<Category> tree = catalog.categoryTree();
        List<Category> pending = new ArrayList<>(tree);
        while (!pending.isEmpty()) {
            Category category = pending.removeLast();
            all.put(category.id(), category);
            pending.addAll(category.children());
        }
        categories = all;
        roots = tree;
    }
}
