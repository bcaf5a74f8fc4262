package io.mercato.web.shop;

import io.mercato.merchant.Stores;
import io.mercato.ordering.Cart.CartItem;
import io.mercato.ordering.Cart;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.web.common.Said;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The buyer's cart: what it holds by store, adding from a product page, changing quantities, removing. */
@Controller
final class CartController {

    private final Cart cart;
    private final AddToCart addToCart;
    private final Stores stores;
    private final PricingView pricing;

    CartController(Cart cart, AddToCart addToCart, Stores stores, PricingView pricing) {
        this.pricing = pricing;
        this.cart = cart;
        this.addToCart = addToCart;
        this.stores = stores;
    }

    @GetMapping("/cart")
    String cart(Actor buyer, Model model) {
        List<CartItem> items = cart.items(buyer);
        CartView view = CartView.of(items, stores::get);
        model.addAttribute("groups", view.groups());
        model.addAttribute("totals", view.totals());
        model.addAttribute("empty", items.isEmpty());
        model.addAttribute("quote", pricing.quote(buyer, items, io.mercato.pricing.PriceQuotes.CouponChoice.BEST).orElse(null));
        model.addAttribute("titles", PricingView.titles(items));
        return "shop/cart";
    }

    @PostMapping("/cart/items")
    String addToCart(Actor buyer, @RequestParam long skuId, @RequestParam(defaultValue = "1") long quantity,
            @RequestParam(required = false) @Nullable Long productId, RedirectAttributes redirect) {
        try {
            addToCart.add(buyer, skuId, quantity);
            redirect.addFlashAttribute("notice", "cart.added");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return productId != null ? "redirect:/p/" + productId + "?sku=" + skuId : "redirect:/cart";
    }

    @PostMapping("/cart/items/{skuId}")
    String setQuantity(Actor buyer, @PathVariable long skuId, @RequestParam long quantity,
            RedirectAttributes redirect) {
        try {
            if (quantity <= 0) {
                cart.remove(buyer, skuId);
            } else {
                cart.put(buyer, skuId, quantity);
            }
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/cart";
    }

    @PostMapping("/cart/items/{skuId}/removal")
    String remove(Actor buyer, @PathVariable long skuId) {
        cart.remove(buyer, skuId);
        return "redirect:/cart";
    }
}
