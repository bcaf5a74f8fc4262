package io.mercato.web.ops;

import io.mercato.disputes.Dispute;
import io.mercato.disputes.Disputes;
import io.mercato.http.Wording;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.RefundDesk.RefundItem;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
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

/**
 * Dispute pages for all three sides: the buyer escalates a rejected return and states their case ({@code /disputes}),
 * the seller answers ({@code /seller/disputes}), the operator reads both and decides ({@code /ops/disputes}). Each
 * sees only their own disputes (operators all), and all see the outcome.
 */
@Controller
final class DisputePagesController {

    private final Disputes disputes;
    private final OrderLifecycle lifecycle;
    private final Wording wording;

    DisputePagesController(Disputes disputes, OrderLifecycle lifecycle, Wording wording) {
        this.disputes = disputes;
        this.lifecycle = lifecycle;
        this.wording = wording;
    }

    @GetMapping({"/disputes", "/seller/disputes", "/ops/disputes"})
    String list(Actor actor, @RequestParam(required = false) Dispute.@Nullable Status status, Model model) {
        model.addAttribute("area", area(actor));
        model.addAttribute("base", base(actor));
        model.addAttribute("disputes", disputes.list(actor, status));
        model.addAttribute("status", status);
        return "disputes/list";
    }

    @GetMapping("/disputes/new")
    String escalation(Actor buyer, @RequestParam long order, @RequestParam long refund, Model model) {
        OrderView view = lifecycle.order(buyer, order);
        model.addAttribute("order", view);
        model.addAttribute("refund", view.refunds().stream().filter(r -> r.id() == refund).findFirst()
                .orElseThrow(() -> new io.mercato.platform.NotFoundException(
                        Text.of("dispute.refund.notFound", String.valueOf(refund)))));
        return "disputes/new";
    }

    @PostMapping("/disputes")
    String open(Actor buyer, @RequestParam long order, @RequestParam long refund, @RequestParam String statement,
            RedirectAttributes redirect) {
        try {
            Dispute dispute = disputes.open(buyer, order, refund, statement);
            redirect.addFlashAttribute("notice", "dispute.opened");
            return "redirect:/disputes/" + dispute.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", wording.of(e));
            return "redirect:/disputes/new?order=" + order + "&refund=" + refund;
        }
    }

    @GetMapping({"/disputes/{disputeId}", "/seller/disputes/{disputeId}", "/ops/disputes/{disputeId}"})
    String dispute(Actor actor, @PathVariable long disputeId, Model model) {
        Dispute dispute = disputes.get(actor, disputeId);
        OrderView order = lifecycle.order(actor, dispute.orderId());
        model.addAttribute("area", area(actor));
        model.addAttribute("base", base(actor));
        model.addAttribute("dispute", dispute);
        model.addAttribute("order", order);
        model.addAttribute("claimed", order.refunds().stream().filter(r -> r.id() == dispute.refundId())
                .findFirst().orElse(null));
        return "disputes/detail";
    }

    @PostMapping({"/disputes/{disputeId}/statement", "/seller/disputes/{disputeId}/statement"})
    String state(Actor party, @PathVariable long disputeId, @RequestParam String statement,
            RedirectAttributes redirect) {
        try {
            disputes.state(party, disputeId, statement);
            redirect.addFlashAttribute("notice", "dispute.stated");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", wording.of(e));
        }
        return "redirect:" + base(party) + "/" + disputeId;
    }

    @PostMapping("/ops/disputes/{disputeId}/decision")
    String decide(Actor operator, @PathVariable long disputeId, @RequestParam Dispute.Outcome outcome,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            disputes.decide(operator, disputeId, outcome, outcome == Dispute.Outcome.PARTIAL ? items(form) : null,
                    form.get("note"));
            redirect.addFlashAttribute("notice", "dispute.decided.notice");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", wording.of(e));
        }
        return "redirect:/ops/disputes/" + disputeId;
    }

    /** The units a partial decision refunds: fields {@code units-<lineId>} with a whole number, blank or 0 for none. */
    private static List<RefundItem> items(Map<String, String> form) {
        List<RefundItem> items = new ArrayList<>();
        for (var field : form.entrySet()) {
            if (field.getKey().startsWith("units-") && !field.getValue().isBlank()) {
                try {
                    long lineId = Long.parseLong(field.getKey().substring("units-".length()));
                    long units = Long.parseLong(field.getValue().strip());
                    if (units > 0) {
                        items.add(new RefundItem(lineId, units));
                    }
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("items", Text.of("dispute.items.number"));
                }
            }
        }
        return items;
    }

    private static String area(Actor actor) {
        return actor.role() == Role.OPERATOR ? "ops" : actor.role() == Role.SELLER ? "seller" : "shop";
    }

    private static String base(Actor actor) {
        return actor.role() == Role.OPERATOR ? "/ops/disputes" : actor.role() == Role.SELLER ? "/seller/disputes"
                : "/disputes";
    }
}
