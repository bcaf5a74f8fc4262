package io.mercato.web.shop;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.http.CurrentActor;
import io.mercato.inventory.StockLedger;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.favourites.Favourites;
import io.mercato.reviews.Reviews;
import io.mercato.search.ProductSearch;
import io.mercato.web.common.Visits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A product's page: its store, its variants and the buy box, which htmx swaps when the buyer picks a variant. */
@Controller
final class ProductPageController {

    private final Catalog catalog;
    private final Stores stores;
    private final StockLedger stock;
    private final Visits visits;
    private final PricingView pricing;
    private final Reviews reviews;
    private final Favourites favourites;
    private final ProductSearch search;

    ProductPageController(Catalog catalog, Stores stores, StockLedger stock, Visits visits, PricingView pricing,
            Reviews reviews, Favourites favourites, ProductSearch search) {
        this.pricing = pricing;
        this.reviews = reviews;
        this.favourites = favourites;
        this.search = search;
        this.catalog = catalog;
        this.stores = stores;
        this.stock = stock;
        this.visits = visits;
    }

    @GetMapping("/p/{productId}")
    String product(@PathVariable long productId, @RequestParam(required = false) @Nullable Long sku, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Product product = catalog.product(productId, CurrentActor.find().orElse(null));
        Store store = stores.get(product.storeId());
        visits.record(store.id(), VisitorCookie.of(request, response));
        model.addAttribute("product", product);
        model.addAttribute("store", store);
        model.addAttribute("axes", BuyBox.axes(product));
        model.addAttribute("claimable", pricing.claimable(store.id()));
        model.addAttribute("storeRating", reviews.ofStore(store.id()));
        model.addAttribute("sold", search.unitsSold(List.of(productId)).getOrDefault(productId, 0L));
        model.addAttribute("kept", CurrentActor.find().map(me -> favourites.keptProducts(me, List.of(productId))
                .contains(productId)).orElse(false));
        buyBox(product, sku, model);
        return "shop/product";
    }

    /** The price, availability and add-to-cart form of one SKU, swapped in by htmx when the buyer picks another. */
    @GetMapping("/p/{productId}/buy-box")
    String buyBoxFragment(@PathVariable long productId, @RequestParam(required = false) @Nullable Long sku,
            Model model) {
        Product product = catalog.product(productId, CurrentActor.find().orElse(null));
        model.addAttribute("product", product);
        buyBox(product, sku, model);
        return "shop/product :: buyBox";
    }

    private void buyBox(Product product, @Nullable Long skuId, Model model) {
        BuyBox box = BuyBox.of(product, stock.stock(product.skus().stream().map(Sku::id).toList()), skuId);
        model.addAttribute("selected", box.selected());
        model.addAttribute("available", box.available());
        model.addAttribute("levels", box.levels());
        model.addAttribute("display", pricing.skuPrices(List.of(box.selected().id()), CurrentActor.find().orElse(null))
                .get(box.selected().id()));
    }
}
