package io.mercato.web.seller;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.inventory.StockLedger;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import org.springframework.stereotype.Component;

/**
 * Saves the product editor's form: the product and its SKUs through the catalog, the stock of existing SKUs through
 * inventory (a new SKU gets its initial stock from the catalog's draft). Each facade commits on its own, so a stock
 * level that inventory refuses leaves the product's other changes saved.
 */
@Component
final class ProductEditor {

    private final Catalog catalog;
    private final Stores stores;
    private final StockLedger stock;

    ProductEditor(Catalog catalog, Stores stores, StockLedger stock) {
        this.catalog = catalog;
        this.stores = stores;
        this.stock = stock;
    }

    Product create(Actor seller, Store store, ProductForm form) {
        return catalog.createProduct(seller, store.id(), form.toDraft(store.currency(), true));
    }

    Product update(Actor seller, long productId, ProductForm form) {
        Product product = catalog.product(productId, seller);
        Store owner = stores.requireManagedBy(seller, product.storeId());
        Product saved = catalog.updateProduct(seller, productId, form.toDraft(owner.currency(), false));
        for (ProductForm.Row row : form.rows()) {
            if (row.id() != null && row.stock() != null && !row.stock().isBlank()) {
                stock.setOnHand(seller, row.id(), ProductForm.parseCount(row.stock()));
            }
        }
        return saved;
    }
}
