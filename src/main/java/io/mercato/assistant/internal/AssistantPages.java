package io.mercato.assistant.internal;

import io.mercato.assistant.Answer;
import io.mercato.assistant.BusinessAdvisor;
import io.mercato.assistant.CustomerService;
import io.mercato.assistant.ListingCopilot;
import io.mercato.assistant.ShoppingGuide;
import io.mercato.http.CurrentActor;
import io.mercato.http.Wording;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Role;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The assistant's pages: the buyer's assistant in the shop ({@code /assistant}), the shopping guide reachable from the
 * shop's search ({@code /guide}), and the seller centre's assistant page ({@code /seller/assistant}: the weekly report
 * with its charts, the listing copilot and the questions handed over).
 */
@Controller
final class AssistantPages {

    private final CustomerService service;
    private final ShoppingGuide guide;
    private final ListingCopilot copilot;
    private final BusinessAdvisor advisor;
    private final Wording wording;

    AssistantPages(CustomerService service, ShoppingGuide guide, ListingCopilot copilot, BusinessAdvisor advisor,
            Wording wording) {
        this.service = service;
        this.guide = guide;
        this.copilot = copilot;
        this.advisor = advisor;
        this.wording = wording;
    }

    @GetMapping("/assistant")
    String assistant(Model model) {
        if (buyer() == null) {
            return "redirect:/login";
        }
        model.addAttribute("question", "");
        return "assistant/chat";
    }

    @PostMapping("/assistant")
    String ask(@RequestParam(defaultValue = "") String question, Model model) {
        Actor buyer = buyer();
        if (buyer == null) {
            return "redirect:/login";
        }
        model.addAttribute("question", question);
        try {
            model.addAttribute("answer", service.ask(buyer, question, null, LocaleContextHolder.getLocale()));
        } catch (DomainException refused) {
            model.addAttribute("error", wording.of(refused));
        }
        return "assistant/chat";
    }

    @PostMapping("/assistant/proposals/{proposalId}/confirmation")
    String confirm(@PathVariable long proposalId, Model model) {
        Actor buyer = buyer();
        if (buyer == null) {
            return "redirect:/login";
        }
        model.addAttribute("question", "");
        try {
            Answer answer = service.confirmRefund(buyer, proposalId, LocaleContextHolder.getLocale());
            model.addAttribute("answer", answer);
        } catch (DomainException refused) {
            model.addAttribute("error", wording.of(refused));
        }
        return "assistant/chat";
    }

    @GetMapping("/guide")
    String guide(@RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("guidance", guide.guide(q, LocaleContextHolder.getLocale(), 12));
            } catch (DomainException refused) {
                model.addAttribute("error", wording.of(refused));
            }
        }
        return "assistant/guide";
    }

    @GetMapping("/seller/assistant")
    String seller(Model model) {
        Actor seller = CurrentActor.find().orElseThrow();
        BusinessAdvisor.WeeklyReport report = advisor.weeklyReport(seller, null, LocaleContextHolder.getLocale());
        model.addAttribute("report", report);
        model.addAttribute("days", report.days().stream().map(d -> d.day().toString().substring(5)).toList());
        model.addAttribute("gmv", report.days().stream().map(d -> d.gmvMinor() / 100.0).toList());
        model.addAttribute("refunded", report.days().stream().map(d -> d.refundedMinor() / 100.0).toList());
        model.addAttribute("orders", report.days().stream().map(BusinessAdvisor.Day::paidOrders).toList());
        model.addAttribute("handovers", service.handovers(seller, 20));
        model.addAttribute("facts", Map.of("product", "", "brand", "", "facts", "", "attributes", "", "imageUrl", ""));
        return "assistant/seller";
    }

    @PostMapping("/seller/assistant/drafts")
    String draft(@RequestParam Map<String, String> form, Model model) {
        Actor seller = CurrentActor.find().orElseThrow();
        try {
            model.addAttribute("draft", copilot.draft(seller, facts(form)));
        } catch (DomainException refused) {
            model.addAttribute("error", wording.of(refused));
        }
        String page = seller(model);
        model.addAttribute("facts", form);
        return page;
    }

    private static ListingCopilot.ListingFacts facts(Map<String, String> form) {
        List<String> facts = Arrays.stream(form.getOrDefault("facts", "").split("[\\n,，;；]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String pair : form.getOrDefault("attributes", "").split("[\\n,，;；]")) {
            String[] kv = pair.split("[:：=]", 2);
            if (kv.length == 2) {
                attributes.put(kv[0].strip(), kv[1].strip());
            } else if (!pair.isBlank()) {
                attributes.put(pair.strip(), "");
            }
        }
        return new ListingCopilot.ListingFacts(form.getOrDefault("product", ""), form.get("brand"), facts, attributes,
                form.get("imageUrl"), null);
    }

    private static @Nullable Actor buyer() {
        return CurrentActor.find().filter(a -> a.is(Role.BUYER)).orElse(null);
    }
}
