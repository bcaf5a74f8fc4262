package io.mercato.web.instant;

import io.mercato.instant.Deliveries;
import io.mercato.instant.Dispatch;
import io.mercato.instant.OperationsBoard;
import io.mercato.instant.UnitEconomics;
import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's instant-commerce console: a live map of stores, riders and deliveries (redrawn every two seconds
 * from {@code /ops/instant/board}), the open deliveries with their ETAs and late flags, the latest dispatch rounds,
 * and the unit economics per order.
 */
@Controller
final class OpsInstantController {

    private final Deliveries deliveries;
    private final Dispatch dispatch;

    OpsInstantController(Deliveries deliveries, Dispatch dispatch) {
        this.deliveries = deliveries;
        this.dispatch = dispatch;
    }

    /** Totals of the listed orders' economics, per currency (the demo has one). */
    record Totals(Money deliveryFees, Money commissions, Money riderPay, Money subsidies, Money margin, long orders,
            long late) {
    }

    @GetMapping("/ops/instant")
    String console(Actor operator, Model model) {
        operator.require(Role.OPERATOR);
        OperationsBoard board = deliveries.board(operator);
        List<UnitEconomics> economics = deliveries.economics(operator, 50);
        model.addAttribute("board", board);
        model.addAttribute("economics", economics);
        if (!economics.isEmpty()) {
            String currency = economics.getFirst().currency();
            Money zero = Money.of(0, currency);
            Money fees = zero, commissions = zero, pay = zero, subsidies = zero;
            long late = 0;
            long count = 0;
            for (UnitEconomics e : economics) {
                if (!e.currency().equals(currency)) {
                    continue;
                }
                fees = fees.plus(e.deliveryFee());
                commissions = commissions.plus(e.commission());
                pay = pay.plus(e.riderPay());
                subsidies = subsidies.plus(e.subsidy());
                late += e.late() ? 1 : 0;
                count++;
            }
            model.addAttribute("totals", new Totals(fees, commissions, pay, subsidies,
                    fees.plus(commissions).minus(pay).minus(subsidies), count, late));
        }
        return "ops/instant";
    }

    @GetMapping("/ops/instant/board")
    @ResponseBody
    OperationsBoard board(Actor operator) {
        return deliveries.board(operator);
    }

    @PostMapping("/ops/instant/dispatch")
    String dispatchNow(Actor operator, RedirectAttributes redirect) {
        operator.require(Role.OPERATOR);
        dispatch.round();
        redirect.addFlashAttribute("notice", "instant.ops.dispatched");
        return "redirect:/ops/instant";
    }
}
