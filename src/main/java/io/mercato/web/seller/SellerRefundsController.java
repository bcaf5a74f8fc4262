package io.mercato.web.seller;

import io.mercato.ordering.RefundDesk;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.web.common.Said;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Returns waiting for the seller's decision, oldest first, with approve and reject. */
@Controller
final class SellerRefundsController {

    private static final int SHOWN = 200;

    private final RefundDesk refunds;

    SellerRefundsController(RefundDesk refunds) {
        this.refunds = refunds;
    }

    @GetMapping("/seller/refunds")
    String refunds(Actor seller, Model model) {
        model.addAttribute("rows", refunds.awaitingDecision(seller, SHOWN));
        return "seller/refunds";
    }

    @PostMapping("/seller/refunds/{refundId}/{decision:approval|rejection}")
    String decide(Actor seller, @PathVariable long refundId, @PathVariable String decision,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        try {
            if (decision.equals("approval")) {
                refunds.approve(seller, refundId, note);
            } else {
                refunds.reject(seller, refundId, note == null ? "" : note);
            }
            redirect.addFlashAttribute("notice", "refund." + decision);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/seller/refunds";
    }
}
