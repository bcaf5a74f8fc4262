package io.mercato.web.seller;

import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.web.common.FormKeys;
import io.mercato.web.common.Said;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The seller's stores: opening one, and where each stands in verification. */
@Controller
final class SellerStoresController {

    /** Every kind but the Supermarket, which the platform itself runs. */
    private static final List<StoreKind> KINDS_A_SELLER_OPENS = List.of(StoreKind.TAOBAO, StoreKind.TMALL,
            StoreKind.LOCAL, StoreKind.GLOBAL, StoreKind.WHOLESALE);

    private final Stores stores;

    private final FormKeys formKeys;

    SellerStoresController(Stores stores, FormKeys formKeys) {
        this.formKeys = formKeys;
        this.stores = stores;
    }

    @GetMapping("/seller/stores/new")
    String newStore(Actor seller, Model model) {
        model.addAttribute("stores", stores.ownedBy(seller.accountId()));
        model.addAttribute("kinds", KINDS_A_SELLER_OPENS);
        return "seller/stores";
    }

    @PostMapping("/seller/stores")
    String openStore(Actor seller, @RequestParam String name, @RequestParam StoreKind kind,
            @RequestParam(required = false) @Nullable String logoUrl, @RequestParam(required = false) @Nullable String formKey,
            Model model, RedirectAttributes redirect) {
        if (!formKeys.claim(seller, formKey)) {
            redirect.addFlashAttribute("notice", "form.repeated");
            return "redirect:/seller/stores/new";
        }
        try {
            Store store = stores.open(seller, name, kind, "CNY", logoUrl == null || logoUrl.isBlank() ? null : logoUrl.strip());
            redirect.addFlashAttribute("notice", "store.opened");
            return "redirect:/seller/products?store=" + store.id();
        } catch (DomainException e) {
            model.addAttribute("error", Said.of(e));
            model.addAttribute("name", name);
            return newStore(seller, model);
        }
    }
}
