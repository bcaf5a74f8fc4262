package io.mercato.web.ops;

import io.mercato.ads.AdServing;
import io.mercato.ads.AdSlot;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Role;
import io.mercato.web.common.AmountField;
import io.mercato.web.common.Said;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's ad slots: how many sponsored tiles each placement shows, and the reserve price per click. */
@Controller
final class OpsAdsController {

    private final AdServing serving;

    OpsAdsController(AdServing serving) {
        this.serving = serving;
    }

    @GetMapping("/ops/ads")
    String placements(Actor operator, Model model) {
        operator.require(Role.OPERATOR);
        model.addAttribute("placements", serving.placements());
        return "ops/ads";
    }

    @PostMapping("/ops/ads/{placement}")
    String configure(Actor operator, @PathVariable AdSlot placement, @RequestParam int slots, @RequestParam String reserve,
            RedirectAttributes redirect) {
        try {
            serving.configure(operator, placement, slots, AmountField.parse(reserve, "CNY").minor());
            redirect.addFlashAttribute("notice", "ads.ops.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/ops/ads";
    }
}
