package io.mercato.web.shop;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.http.CurrentActor;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A store's page: its coupons to claim and its listed products with the prices they show now. */
@Controller
final class StorePageController {

    private static final int PAGE_SIZE = 24;

    private final Stores stores;
    private final Catalog catalog;
    private final PricingView pricing;

    StorePageController(Stores stores, Catalog catalog, PricingView pricing) {
        this.stores = stores;
        this.catalog = catalog;
        this.pricing = pricing;
    }

    @GetMapping("/s/{storeId}")
    String store(@PathVariable long storeId, @RequestParam(defaultValue = "0") int page, Model model) {
        Store store = stores.get(storeId);
        Catalog.Page<Product> products = catalog.browse(null, storeId, Catalog.Sort.NEWEST, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("store", store);
        model.addAttribute("products", products.items());
        model.addAttribute("prices", pricing.productPrices(products.items().stream().map(Product::id).toList(),
                CurrentActor.find().orElse(null)));
        model.addAttribute("claimable", pricing.claimable(storeId));
        return "shop/store";
    }
}
