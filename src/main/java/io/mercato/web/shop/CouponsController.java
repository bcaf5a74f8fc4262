package io.mercato.web.shop;

import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.pricing.Vouchers;
import io.mercato.web.common.Said;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My coupons": the buyer's coupons with their state, the platform's vouchers to claim, and claiming from any page. */
@Controller
final class CouponsController {

    private final Vouchers vouchers;
    private final PricingView pricing;

    CouponsController(Vouchers vouchers, PricingView pricing) {
        this.vouchers = vouchers;
        this.pricing = pricing;
    }

    @GetMapping("/coupons")
    String coupons(Actor buyer, Model model) {
        model.addAttribute("coupons", vouchers.wallet(buyer));
        model.addAttribute("claimable", pricing.claimable(null));
        return "shop/coupons";
    }

    /** Claims one coupon and goes back to the page it was claimed on (only this site's own paths). */
    @PostMapping("/coupons/claims")
    String claim(Actor buyer, @RequestParam long poolId, @RequestParam(defaultValue = "/coupons") String back,
            RedirectAttributes redirect) {
        try {
            vouchers.claim(buyer, poolId);
            redirect.addFlashAttribute("notice", "pricing.claimed");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && !back.contains("\n")
                && !back.contains("\r");
        return "redirect:" + (local ? back : "/coupons");
    }
}
