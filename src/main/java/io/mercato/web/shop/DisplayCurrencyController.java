package io.mercato.web.shop;

import io.mercato.fx.ExchangeRates;
import io.mercato.http.Wording;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The shop's currency chooser: the signed-in reader picks the currency prices are also shown in, and goes back. */
@Controller
final class DisplayCurrencyController {

    private final ExchangeRates rates;
    private final Wording wording;

    DisplayCurrencyController(ExchangeRates rates, Wording wording) {
        this.rates = rates;
        this.wording = wording;
    }

    @PostMapping("/display-currency")
    String choose(Actor reader, @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "/") String back, RedirectAttributes redirect) {
        try {
            rates.chooseDisplayCurrency(reader, currency);
        } catch (DomainException refused) {
            redirect.addFlashAttribute("error", wording.of(refused));
        }
        // Only a path of this site: never an address elsewhere.
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && !back.contains("\r")
                && !back.contains("\n");
        return "redirect:" + (local ? back : "/");
    }
}
