package io.mercato.web.shop;

import io.mercato.ads.AdServing;
import io.mercato.ads.AdServing.ClickLink;
import io.mercato.ads.AdServing.ClickOutcome;
import io.mercato.http.CurrentActor;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a sponsored tile's signed link lands: the click is checked and charged (or not) and the viewer goes on to
 * the product. A link that is not ours (forged or tampered) is a 400 page and charges nothing; an expired or replayed
 * link still opens the product, free of charge.
 */
@Controller
final class AdClickController {

    private final AdServing serving;
    private final MessageSource messages;

    AdClickController(AdServing serving, MessageSource messages) {
        this.serving = serving;
        this.messages = messages;
    }

    @GetMapping("/ads/click")
    String click(@RequestParam(required = false) @Nullable String a, @RequestParam(required = false) @Nullable String c,
            @RequestParam(required = false) @Nullable String n, @RequestParam(required = false) @Nullable String m,
            @RequestParam(required = false) @Nullable String v, @RequestParam(required = false) @Nullable String x,
            @RequestParam(required = false) @Nullable String s, Model model, HttpServletResponse response) {
        Long buyer = CurrentActor.find().filter(actor -> actor.is(Role.BUYER)).map(Actor::accountId).orElse(null);
        ClickOutcome outcome = serving.click(new ClickLink(a, c, n, m, v, x, s), buyer);
        if (outcome.productId() == null) {
            response.setStatus(400);
            model.addAttribute("status", 400);
            model.addAttribute("message", messages.getMessage("ads.click.invalid", null, LocaleContextHolder.getLocale()));
            return "error";
        }
        return "redirect:/p/" + outcome.productId();
    }
}
