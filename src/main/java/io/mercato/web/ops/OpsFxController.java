package io.mercato.web.ops;

import io.mercato.fx.ExchangeRates;
import io.mercato.http.Wording;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's exchange rates: each currency's latest rate, a CSV to load (pasted), and the loads refused. */
@Controller
final class OpsFxController {

    private final ExchangeRates rates;
    private final Wording wording;

    OpsFxController(ExchangeRates rates, Wording wording) {
        this.rates = rates;
        this.wording = wording;
    }

    @GetMapping("/ops/fx")
    String page(Actor operator, Model model) {
        operator.require(Role.OPERATOR);
        model.addAttribute("rates", rates.latest());
        model.addAttribute("refused", rates.refusedLoads(operator));
        return "ops/fx";
    }

    @PostMapping("/ops/fx/rates")
    String load(Actor operator, @RequestParam(defaultValue = "") String csv, RedirectAttributes redirect) {
        try {
            var loaded = rates.load(operator, csv);
            redirect.addFlashAttribute("loaded", loaded);
            redirect.addFlashAttribute("notice", "fx.ops.loaded");
        } catch (DomainException refused) {
            // The refusal names the row and column, in the reader's language; the operator corrects the same text.
            redirect.addFlashAttribute("error", wording.of(refused));
            redirect.addFlashAttribute("csv", csv);
        }
        return "redirect:/ops/fx";
    }
}
