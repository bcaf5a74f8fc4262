package io.mercato.catalog;

/** Published inside the creating transaction when a SKU is added, with the stock it starts with. */
public record SkuCreated(long skuId, long productId, long storeId, long initialStock) {
}
