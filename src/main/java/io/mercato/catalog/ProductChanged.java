package io.mercato.catalog;

/** Published when a product is created, edited, listed or delisted. */
public record ProductChanged(long productId, long storeId, ProductStatus status) {
}
