package io.mercato.catalog;

import io.mercato.merchant.StoreKind;
import io.mercato.platform.Money;
import java.util.Map;

/**
 * A SKU as checkout sees it: priced, listed, in a store that may sell, with the commission rate of its
 * category at this moment.
 */
public record SaleableSku(long skuId, long productId, long storeId, long sellerAccountId, StoreKind storeKind,
        String title, Map<String, String> attributes, Money price, long categoryId, int commissionBasisPoints) {
}
