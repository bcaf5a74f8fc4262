package io.mercato.catalog;

import io.mercato.platform.Money;

/** A SKU's list price as pricing reads it in bulk: its product, its store, and whether its product is listed. */
public record SkuPrice(long skuId, long productId, long storeId, Money price, boolean listed) {
}
