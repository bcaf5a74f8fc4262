package io.mercato.catalog;

import io.mercato.platform.Actor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Manages categories, brands and products; answers what may be sold at what price. */
public interface Catalog {

    Category createCategory(Actor operator, String name, @Nullable Long parentId, int commissionBasisPoints);

    /** The whole tree, roots first. */
    List<Category> categoryTree();

    Brand createBrand(Actor actor, String name);

    List<Brand> brands();

    /**
     * Creates a draft product in one of the actor's stores.
     *
     * @throws io.mercato.platform.ForbiddenException when the store is not the actor's
     * @throws io.mercato.platform.InvalidInputException naming the first field that is wrong
     */
    Product createProduct(Actor actor, long storeId, ProductDraft draft);

    /** Changes the fields the draft sets; SKUs with ids are changed, SKUs without are added. */
    Product updateProduct(Actor actor, long productId, ProductDraft draft);

    /** Puts a product on sale; its store must be allowed to sell. */
    Product list(Actor actor, long productId);

    Product delist(Actor actor, long productId);

    /** A listed product, or any product of the viewer's own stores (operators see all). */
    Product product(long productId, @Nullable Actor viewer);

    /** One page of listed products, newest first, optionally of one category (with its sub-categories) or store. */
    default Page<Product> browse(@Nullable Long categoryId, @Nullable Long storeId, int page, int size) {
        return browse(categoryId, storeId, Sort.NEWEST, page, size);
    }

    /** One page of listed products in the order asked for; price orders go by each product's cheapest SKU. */
    Page<Product> browse(@Nullable Long categoryId, @Nullable Long storeId, Sort sort, int page, int size);

    /**
     * Products by id in any status, in the order asked, skipping ids that do not exist. For modules that
     * mirror the catalog (search); web callers go through {@link #product}.
     */
    List<Product> products(List<Long> productIds);

    /** Up to {@code limit} listed products with ids above {@code afterId}, in id order: a keyset scan of the shop. */
    List<Product> listedAfter(long afterId, int limit);

    /** All products of one store, for its seller. */
    Page<Product> storeProducts(Actor actor, long storeId, int page, int size);

    /**
     * For operators: products of every store in any status, newest first, narrowed by a text (as in
     * {@link #storeProducts(Actor, long, String, ProductStatus, int, int)}), a status and a store where given.
     *
     * @throws io.mercato.platform.ForbiddenException when the actor is not an operator
     */
    Page<Product> allProducts(Actor operator, @Nullable String text, @Nullable ProductStatus status,
            @Nullable Long storeId, int page, int size);

    /**
     * The store's products for its seller, newest first, narrowed to a status and to a text found in the title
     * (case-insensitive) or equal to a product or SKU id, where given.
     *
     * @throws io.mercato.platform.ForbiddenException when the actor does not manage the store
     */
    Page<Product> storeProducts(Actor actor, long storeId, @Nullable String text, @Nullable ProductStatus status,
            int page, int size);

    /**
     * The SKU as it may be bought now.
     *
     * @throws io.mercato.platform.NotFoundException when there is no such SKU
     * @throws io.mercato.platform.ConflictException when its product is not listed or its store may not sell
     */
    SaleableSku saleable(long skuId);

    /**
     * The store a SKU belongs to, if the actor manages that store.
     *
     * @throws io.mercato.platform.ForbiddenException when the actor does not manage it
     */
    long requireSkuManagedBy(Actor actor, long skuId);

    /** Those of the SKUs whose products are listed, so that buyers see availability of nothing else. */
    java.util.Set<Long> listedSkus(java.util.Collection<Long> skuIds);

    /**
     * The list price, product and store of each SKU that exists, in any status, in one query; unknown ids are left
     * out. For the pricing engine, which prices many SKUs at once.
     */
    java.util.Map<Long, SkuPrice> skuPrices(java.util.Collection<Long> skuIds);

    /** Orders of a product listing. */
    enum Sort {
        NEWEST, PRICE_ASC, PRICE_DESC
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }
}
