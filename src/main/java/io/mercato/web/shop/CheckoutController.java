package io.mercato.web.shop;

import io.mercato.addressbook.AddressBook;
import io.mercato.addressbook.SavedAddress;
import io.mercato.merchant.Stores;
import io.mercato.ordering.Cart.CartItem;
import io.mercato.ordering.Cart;
import io.mercato.ordering.Checkout;
import io.mercato.ordering.OrderView;
import io.mercato.payment.PaymentProvider.PaymentDeclinedException;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import io.mercato.pricing.PriceQuotes.CouponChoice;
import io.mercato.web.common.Said;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Checkout: the delivery address and the orders it will place (one per store), then paying them from the wallet. */
@Controller
final class CheckoutController {

    private final Cart cart;
    private final Checkout checkout;
    private final Stores stores;
    private final LastAddress lastAddress;
    private final StoreNames storeNames;
    private final Wallets wallets;
    private final PricingView pricing;

    private final AddressBook addressBook;
    private final BuyNow buyNow;

    CheckoutController(AddressBook addressBook, Cart cart, Checkout checkout, Stores stores, LastAddress lastAddress, StoreNames storeNames,
            Wallets wallets, PricingView pricing, BuyNow buyNow) {
        this.pricing = pricing;
        this.buyNow = buyNow;
        this.cart = cart;
        this.checkout = checkout;
        this.stores = stores;
        this.lastAddress = lastAddress;
        this.addressBook = addressBook;
        this.storeNames = storeNames;
        this.wallets = wallets;
    }

    @GetMapping("/checkout")
    String checkoutForm(Actor buyer, @RequestParam(name = "address", required = false) @Nullable Long addressId,
            Model model) {
        List<CartItem> items = cart.items(buyer);
        if (items.isEmpty()) {
            return "redirect:/cart";
        }
        return form(buyer, addressId, items, model);
    }

    /** The checkout page for these items: the cart's, or the one SKU of "Buy now". */
    private String form(Actor buyer, @Nullable Long addressId, List<CartItem> items, Model model) {
        List<SavedAddress> saved = addressBook.list(buyer);
        model.addAttribute("savedAddresses", saved);
        if (!model.containsAttribute("address")) {
            // The address chosen from the book, else the book's default, else the newest order's.
            SavedAddress chosen = saved.stream().filter(a -> addressId == null ? a.isDefault() : a.id() == addressId)
                    .findFirst().orElse(null);
            model.addAttribute("chosenAddress", chosen == null ? null : chosen.id());
            model.addAttribute("address", chosen == null ? lastAddress.of(buyer) : AddressForm.of(chosen));
        }
        if (!model.containsAttribute("checkoutKey")) {
            // One key per checkout page: the form sent twice (a double click, a resubmitted page) places once.
            model.addAttribute("checkoutKey", UUID.randomUUID().toString());
        }
        CartView view = CartView.of(items, stores::get);
        model.addAttribute("groups", view.groups());
        model.addAttribute("totals", view.totals());
        CouponChoice choice = model.containsAttribute("choice") ? (CouponChoice) model.getAttribute("choice") : CouponChoice.BEST;
        model.addAttribute("quote", pricing.quote(buyer, items, choice).or(() -> pricing.quote(buyer, items, CouponChoice.NONE)).orElse(null));
        model.addAttribute("titles", PricingView.titles(items));
        model.addAttribute("usableCoupons", pricing.usableCoupons(buyer));
        model.addAttribute("couponMode", choice.mode().name());
        model.addAttribute("chosenCoupons", choice.claimIds());
        return "shop/checkout";
    }

    @PostMapping("/checkout")
    String placeOrders(Actor buyer, AddressForm address, @RequestParam(required = false) @Nullable String checkoutKey,
            @RequestParam(defaultValue = "BEST") String couponMode,
            @RequestParam(required = false) @Nullable List<Long> couponIds, Model model, RedirectAttributes redirect) {
        return place(buyer, address, null, checkoutKey, couponMode, couponIds, model,
                () -> checkoutForm(buyer, null, model));
    }

    /** "Buy now" on a product page: straight to checkout with that SKU alone, the cart left as it is. */
    @PostMapping("/checkout/buy-now/start")
    String buyNowStart(@RequestParam long skuId, @RequestParam(defaultValue = "1") long quantity) {
        return "redirect:/checkout/buy-now?sku=" + skuId + "&quantity=" + Math.max(1, quantity);
    }

    @GetMapping("/checkout/buy-now")
    String buyNowForm(Actor buyer, @RequestParam long sku, @RequestParam(defaultValue = "1") long quantity,
            @RequestParam(name = "address", required = false) @Nullable Long addressId, Model model,
            RedirectAttributes redirect) {
        try {
            List<CartItem> items = List.of(buyNow.item(sku, quantity));
            model.addAttribute("buyNow", new Checkout.Item(sku, quantity));
            return form(buyer, addressId, items, model);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
            return "redirect:/";
        }
    }

    @PostMapping("/checkout/buy-now")
    String buyNowPlace(Actor buyer, AddressForm address, @RequestParam long sku,
            @RequestParam(defaultValue = "1") long quantity, @RequestParam(required = false) @Nullable String checkoutKey,
            @RequestParam(defaultValue = "BEST") String couponMode,
            @RequestParam(required = false) @Nullable List<Long> couponIds, Model model, RedirectAttributes redirect) {
        return place(buyer, address, List.of(new Checkout.Item(sku, quantity)), checkoutKey, couponMode, couponIds, model,
                () -> buyNowForm(buyer, sku, quantity, null, model, redirect));
    }

    /**
     * Places the checkout of the cart ({@code items} null) or of the given items, and goes to its payment; a refusal
     * is shown on the form again ({@code form}) with the address as typed and the same checkout key.
     */
    private String place(Actor buyer, AddressForm address, @Nullable List<Checkout.Item> items,
            @Nullable String checkoutKey, String couponMode, @Nullable List<Long> couponIds, Model model,
            Supplier<String> form) {
        CouponChoice choice = switch (couponMode) {
            case "NONE" -> CouponChoice.NONE;
            case "CHOSEN" -> CouponChoice.chosen(couponIds == null ? List.of() : couponIds.stream().limit(20).toList());
            default -> CouponChoice.BEST;
        };
        model.addAttribute("choice", choice);
        String key = checkoutKey == null || checkoutKey.isBlank() ? UUID.randomUUID().toString() : checkoutKey;
        model.addAttribute("checkoutKey", key);
        try {
            Checkout.Placed placed = checkout.place(buyer, address.toAddress(), items, key, choice);
            return "redirect:/checkout/" + placed.checkoutId();
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e.field());
            model.addAttribute("error", Said.of(e));
        } catch (DomainException e) {
            model.addAttribute("error", Said.of(e));
        }
        model.addAttribute("address", address);
        return form.get();
    }

    @GetMapping("/checkout/{checkoutId}")
    String payment(Actor buyer, @PathVariable long checkoutId, Model model) {
        List<OrderView> orders = checkoutOrders(buyer, checkoutId);
        model.addAttribute("checkoutId", checkoutId);
        model.addAttribute("orders", orders);
        model.addAttribute("storeNames", storeNames.of(orders));
        model.addAttribute("due", AmountDue.perCurrency(orders));
        model.addAttribute("wallets", wallets.of(buyer));
        return "shop/pay";
    }

    private List<OrderView> checkoutOrders(Actor buyer, long checkoutId) {
        try {
            return checkout.orders(buyer, checkoutId);
        } catch (ForbiddenException e) {
            // Someone else's checkout does not exist as far as this buyer's pages are concerned.
            throw new NotFoundException(Text.of("web.youHaveNoCheckout", checkoutId));
        }
    }

    @PostMapping("/checkout/{checkoutId}/payment")
    String pay(Actor buyer, @PathVariable long checkoutId, RedirectAttributes redirect) {
        try {
            checkout.pay(buyer, checkoutId);
            redirect.addFlashAttribute("notice", "pay.done");
            return "redirect:/orders";
        } catch (DomainException | PaymentDeclinedException e) {
            redirect.addFlashAttribute("error", Said.of(e));
            return "redirect:/checkout/" + checkoutId;
        }
    }
}
