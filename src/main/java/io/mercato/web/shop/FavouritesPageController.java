package io.mercato.web.shop;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.favourites.Favourite;
import io.mercato.favourites.Favourites;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.NotFoundException;
import io.mercato.reviews.Reviews;
import io.mercato.reviews.StoreRating;
import io.mercato.web.common.Said;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The buyer's favourites: the products and stores kept, and the buttons that keep and drop them. */
@Controller
final class FavouritesPageController {

    /** The most favourites of each kind the page lists, latest added first. */
    private static final int SHOWN = 100;

    private final Favourites favourites;
    private final Catalog catalog;
    private final Stores stores;
    private final Reviews reviews;
    private final PricingView pricing;

    FavouritesPageController(Favourites favourites, Catalog catalog, Stores stores, Reviews reviews,
            PricingView pricing) {
        this.favourites = favourites;
        this.catalog = catalog;
        this.stores = stores;
        this.reviews = reviews;
        this.pricing = pricing;
    }

    /** A kept product: the product while on sale, or only its id once it is not. */
    record KeptProduct(long id, @Nullable Product product) {
    }

    record KeptStore(Store store, StoreRating rating) {
    }

    @GetMapping("/favourites")
    String list(Actor buyer, Model model) {
        List<KeptProduct> products = new ArrayList<>();
        for (Favourite kept : favourites.products(buyer).stream().limit(SHOWN).toList()) {
            Product product;
            try {
                product = catalog.product(kept.id(), null);
            } catch (NotFoundException e) {
                product = null;
            }
            products.add(new KeptProduct(kept.id(), product));
        }
        List<Store> keptStores = favourites.stores(buyer).stream().limit(SHOWN).map(f -> stores.get(f.id())).toList();
        Map<Long, StoreRating> ratings = reviews.ofStores(keptStores.stream().map(Store::id).toList());
        model.addAttribute("products", products);
        model.addAttribute("prices", pricing.productPrices(
                products.stream().filter(p -> p.product() != null).map(KeptProduct::id).toList(), buyer));
        model.addAttribute("stores", keptStores.stream().map(s -> new KeptStore(s, ratings.get(s.id()))).toList());
        return "shop/favourites";
    }

    @PostMapping("/favourites/products/{productId}")
    String addProduct(Actor buyer, @PathVariable long productId, @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        return act(() -> favourites.addProduct(buyer, productId), "favourites.product.added", back, redirect);
    }

    @PostMapping("/favourites/products/{productId}/remove")
    String removeProduct(Actor buyer, @PathVariable long productId, @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        return act(() -> favourites.removeProduct(buyer, productId), "favourites.product.removed", back, redirect);
    }

    @PostMapping("/favourites/stores/{storeId}")
    String addStore(Actor buyer, @PathVariable long storeId, @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        return act(() -> favourites.addStore(buyer, storeId), "favourites.store.added", back, redirect);
    }

    @PostMapping("/favourites/stores/{storeId}/remove")
    String removeStore(Actor buyer, @PathVariable long storeId, @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        return act(() -> favourites.removeStore(buyer, storeId), "favourites.store.removed", back, redirect);
    }

    private static String act(Runnable action, String notice, String back, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:" + safeBack(back);
    }

    /** Only a path of this site: never another host (an open redirect) nor a scheme. */
    static String safeBack(String back) {
        return back.matches("/(?![/\\\\])[A-Za-z0-9/_\\-?=&.]*") ? back : "/favourites";
    }
}
