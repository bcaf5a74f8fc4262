package io.mercato.web.seller;

import io.mercato.http.Wording;
import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.RefundDesk;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Returns waiting for the seller's decision, oldest first, with the buyer, each product and quantity coming back and
 * the buyer's reason; approve and reject.
 */
@Controller
final class SellerRefundsController {

    private static final int SHOWN = 200;

    private final RefundDesk refunds;

    private final Accounts accounts;
    private final Wording wording;

    SellerRefundsController(RefundDesk refunds, Accounts accounts, Wording wording) {
        this.refunds = refunds;
        this.accounts = accounts;
        this.wording = wording;
    }

    /** One line of a return as the seller reads it: the product, the variant and how many units come back. */
    record ReturnedLine(long productId, long skuId, String title, java.util.Map<String, String> attributes,
            long quantity, long amountMinor) {
    }

    @GetMapping("/seller/refunds")
    String refunds(Actor seller, Model model) {
        List<RefundDesk.Awaiting> rows = refunds.awaitingDecision(seller, SHOWN);
        Map<Long, List<ReturnedLine>> lines = new HashMap<>();
        Map<Long, String> buyers = new HashMap<>();
        for (RefundDesk.Awaiting row : rows) {
            Map<Long, OrderView.Line> byId = new HashMap<>();
            row.order().lines().forEach(line -> byId.put(line.id(), line));
            lines.put(row.refund().id(), row.refund().lines().stream().filter(l -> byId.containsKey(l.lineId()))
                    .map(l -> {
                        OrderView.Line line = byId.get(l.lineId());
                        return new ReturnedLine(line.productId(), line.skuId(), line.title(), line.attributes(),
                                l.quantity(), l.amountMinor());
                    }).toList());
            buyers.computeIfAbsent(row.order().buyerAccountId(),
                    id -> accounts.find(id).map(Account::displayName).orElse("#" + id));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("lines", lines);
        model.addAttribute("buyers", buyers);
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
