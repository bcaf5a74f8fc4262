package io.mercato.assistant.internal;

import io.mercato.assistant.Answer;
import io.mercato.assistant.AssistantSettings;
import io.mercato.assistant.BusinessAdvisor;
import io.mercato.assistant.CustomerService;
import io.mercato.assistant.ListingCopilot;
import io.mercato.assistant.ShoppingGuide;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Assistant", description = "Customer-service assistant, shopping guide, listing copilot, weekly business report")
class AssistantController {

    private final CustomerService service;
    private final ShoppingGuide guide;
    private final ListingCopilot copilot;
    private final BusinessAdvisor advisor;
    private final AssistantSettings settings;

    AssistantController(CustomerService service, ShoppingGuide guide, ListingCopilot copilot, BusinessAdvisor advisor,
            AssistantSettings settings) {
        this.service = service;
        this.guide = guide;
        this.copilot = copilot;
        this.advisor = advisor;
        this.settings = settings;
    }

    /** @param orderId the order the question is about, when the buyer asks from an order's page */
    record Question(@Nullable String question, @Nullable Long orderId) {
    }

    @PostMapping("/assistant/questions")
    Answer ask(@RequestBody Question question, Actor actor) {
        return service.ask(actor, question.question() == null ? "" : question.question(), question.orderId(),
                LocaleContextHolder.getLocale());
    }

    @PostMapping("/assistant/refund-proposals/{proposalId}/confirmation")
    @ResponseStatus(HttpStatus.CREATED)
    Answer confirm(@PathVariable long proposalId, Actor actor) {
        return service.confirmRefund(actor, proposalId, LocaleContextHolder.getLocale());
    }

    @GetMapping("/assistant/guide")
    ShoppingGuide.Guidance guide(@RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "10") int size, Actor actor) {
        return guide.guide(q == null ? "" : q, LocaleContextHolder.getLocale(), size);
    }

    @PostMapping("/seller/assistant/listing-drafts")
    ListingCopilot.ListingDraft draft(@RequestBody ListingCopilot.ListingFacts facts, Actor actor) {
        return copilot.draft(actor, facts);
    }

    @GetMapping("/seller/assistant/weekly-report")
    BusinessAdvisor.WeeklyReport report(@RequestParam(required = false) @Nullable String lastDay, Actor actor) {
        return advisor.weeklyReport(actor, day(lastDay), LocaleContextHolder.getLocale());
    }

    @GetMapping("/seller/assistant/handovers")
    List<CustomerService.Handover> handovers(@RequestParam(defaultValue = "50") int limit, Actor actor) {
        return service.handovers(actor, limit);
    }

    @GetMapping("/seller/stores/{storeId}/assistant")
    AssistantSettings.StoreSetting setting(@PathVariable long storeId, Actor actor) {
        actor.require(Role.SELLER, Role.OPERATOR);
        return settings.setting(actor, storeId);
    }

    record Switch(@Nullable Boolean modelEnabled) {
    }

    @PutMapping("/seller/stores/{storeId}/assistant")
    AssistantSettings.StoreSetting setSetting(@PathVariable long storeId, @RequestBody Switch change, Actor actor) {
        actor.require(Role.SELLER, Role.OPERATOR);
        if (change.modelEnabled() == null) {
            throw new InvalidInputException("modelEnabled", Text.of("assistant.settings.modelEnabledMissing"));
        }
        return settings.setModelEnabled(actor, storeId, change.modelEnabled());
    }

    private static @Nullable LocalDate day(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("lastDay", Text.of("assistant.report.badDay", text));
        }
    }
}
