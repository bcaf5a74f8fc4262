package io.mercato.web.shop;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.favourites.Favourites;
import io.mercato.http.CurrentActor;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.reviews.Reviews;
import io.mercato.search.ProductSearch;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A store's home: its three ratings, its followers and the favourite button, its coupons to claim, and its listed
 * products with the prices they show now and the units sold.
 */
@Controller
final class StorePageController {

    private static final int PAGE_SIZE = 24;

    private final Stores stores;
    private final Catalog catalog;
    private final PricingView pricing;
    private final Reviews reviews;
    private final Favourites favourites;
    private final ProductSearch search;

    StorePageController(Stores stores, Catalog catalog, PricingView pricing, Reviews reviews, Favourites favourites,
            ProductSearch search) {
        this.stores = stores;
        this.catalog = catalog;
        this.pricing = pricing;
        this.reviews = reviews;
        this.favourites = favourites;
        this.search = search;
    }

    @GetMapping("/s/{storeId}")
    String store(@PathVariable long storeId, @RequestParam(defaultValue = "0") int page, Model model) {
        Store store = stores.get(storeId);
        int current = Math.max(0, Math.min(page, 10_000));
        Catalog.Page<Product> products = catalog.browse(null, storeId, Catalog.Sort.NEWEST, current, PAGE_SIZE);
        List<Long> ids = products.items().stream().map(Product::id).toList();
        Actor viewer = CurrentActor.find().orElse(null);
        model.addAttribute("store", store);
        model.addAttribute("products", products.items());
        model.addAttribute("prices", pricing.productPrices(ids, viewer));
        model.addAttribute("sold", search.unitsSold(ids));
        model.addAttribute("claimable", pricing.claimable(storeId));
        model.addAttribute("storeRating", reviews.ofStore(storeId));
        model.addAttribute("followers", favourites.followers(storeId));
        model.addAttribute("kept", viewer != null && favourites.keepsStore(viewer, storeId));
        model.addAttribute("page", current);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < products.total());
        model.addAttribute("metaDescription", store.name());
        return "shop/store";
    }
}
