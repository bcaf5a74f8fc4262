package io.mercato.web.ops;

import io.mercato.billing.CmrDay;
import io.mercato.billing.FeeRuleKind;
import io.mercato.billing.FeeRules;
import io.mercato.billing.Memberships;
import io.mercato.billing.NewFeeRule;
import io.mercato.billing.NewRebateProgramme;
import io.mercato.billing.Statements;
import io.mercato.merchant.StoreKind;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.web.common.DateRange;
import io.mercato.web.common.Formats;
import io.mercato.web.common.Said;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Billing in the operations console: the CMR report by day with its chart, and the fee rules, rebate programmes
 * and wholesale memberships, with forms to add rule versions and programmes.
 */
@Controller
final class BillingPagesController {

    private static final String CURRENCY = "CNY";

    private final FeeRules rules;
    private final Memberships memberships;
    private final Statements statements;
    private final Formats formats;
    private final Clock clock;

    BillingPagesController(FeeRules rules, Memberships memberships, Statements statements, Formats formats,
            Clock clock) {
        this.rules = rules;
        this.memberships = memberships;
        this.statements = statements;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping("/ops/billing")
    String cmr(Actor operator,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate start,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate end,
            @RequestParam(name = "days", required = false) @Nullable Integer preset, Model model) {
        DateRange range = DateRange.of(start, end, preset, clock, formats);
        model.addAttribute("range", range);
        LocalDate today = range.to();
        LocalDate from = range.from();
        List<CmrDay> days = statements.cmr(operator, from, today, Currencies.parse(CURRENCY));
        long gmv = days.stream().mapToLong(CmrDay::gmvMinor).sum();
        long fees = days.stream().mapToLong(CmrDay::feeRevenueMinor).sum();
        long ads = days.stream().mapToLong(CmrDay::adRevenueMinor).sum();
        int digits = Currencies.parse(CURRENCY).getDefaultFractionDigits();
        model.addAttribute("days", days);
        model.addAttribute("labels", days.stream().map(d -> d.day().getMonthValue() + "/" + d.day().getDayOfMonth()).toList());
        model.addAttribute("feeSeries", days.stream().map(d -> BigDecimal.valueOf(d.feeRevenueMinor(), digits)).toList());
        model.addAttribute("adSeries", days.stream().map(d -> BigDecimal.valueOf(d.adRevenueMinor(), digits)).toList());
        model.addAttribute("takeRateSeries", days.stream().map(d -> d.takeRate() == null ? BigDecimal.ZERO
                : d.takeRate().movePointRight(2)).toList());
        model.addAttribute("currency", CURRENCY);
        model.addAttribute("gmv", gmv);
        model.addAttribute("fees", fees);
        model.addAttribute("ads", ads);
        model.addAttribute("cmr", fees + ads);
        model.addAttribute("takeRate", gmv == 0 ? 0.0 : (double) (fees + ads) / gmv);
        model.addAttribute("from", from);
        model.addAttribute("today", today);
        return "ops/billing";
    }

    @GetMapping("/ops/billing/rules")
    String rules(Actor operator, Model model) {
        model.addAttribute("rules", rules.rules(operator));
        model.addAttribute("rebates", rules.rebates(operator));
        model.addAttribute("memberships", memberships.memberships(operator));
        model.addAttribute("kinds", FeeRuleKind.values());
        model.addAttribute("storeKinds", StoreKind.values());
        model.addAttribute("now", clock.instant());
        return "ops/billing-rules";
    }

    @PostMapping("/ops/billing/rules")
    String addRule(Actor operator, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String storeKind, @RequestParam(defaultValue = "") String categoryId,
            @RequestParam(defaultValue = "") String storeId, @RequestParam(defaultValue = "") String rate,
            @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "CNY") String currency,
            @RequestParam(defaultValue = "") String effectiveFrom, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        try {
            FeeRuleKind ruleKind = kind.isBlank() ? null : enumOf(FeeRuleKind.class, "kind", kind);
            Long amountMinor = amount.isBlank() ? null : minor("amount", amount, currency);
            rules.add(operator, new NewFeeRule(ruleKind, storeKindOf(storeKind), number("categoryId", categoryId),
                    number("storeId", storeId), rateOf(rate), amountMinor, currency, instant(effectiveFrom), note));
            redirect.addFlashAttribute("notice", "billing.rule.added");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/ops/billing/rules";
    }

    @PostMapping("/ops/billing/rebates")
    String addRebate(Actor operator, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String storeKind, @RequestParam(defaultValue = "") String share,
            @RequestParam(defaultValue = "") String days, @RequestParam(defaultValue = "") String cap,
            @RequestParam(defaultValue = "CNY") String currency, @RequestParam(defaultValue = "") String effectiveFrom,
            @RequestParam(defaultValue = "") String endAt, RedirectAttributes redirect) {
        try {
            Long dayCount = number("days", days);
            rules.addRebate(operator, new NewRebateProgramme(name, storeKindOf(storeKind), rateOf(share),
                    dayCount == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, dayCount)),
                    cap.isBlank() ? null : minor("cap", cap, currency), currency, instant(effectiveFrom), instant(endAt)));
            redirect.addFlashAttribute("notice", "billing.rebate.added");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/ops/billing/rules";
    }

    /** A rate typed as a percentage ("0.6") in basis points (60). */
    private static @Nullable Integer rateOf(String percent) {
        if (percent.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(percent.strip()).movePointRight(2).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidInputException("rate", Text.of("web.giveRatePercentageMostTwo"));
        }
    }

    private static @Nullable Long number(String field, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, Text.of("web.giveWholeNumber", field));
        }
    }

    private static long minor(String field, String text, String currency) {
        try {
            return Formats.parseMinor(text, Currencies.parse(currency).getCurrencyCode());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidInputException(field, Text.of("web.giveAmountEG", currency));
        }
    }

    private static @Nullable StoreKind storeKindOf(String text) {
        return text.isBlank() ? null : enumOf(StoreKind.class, "storeKind", text);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String text) {
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, Text.of("web.unknown", field, text));
        }
    }

    /** A date and time typed in the marketplace's time zone (a datetime-local field). */
    private @Nullable Instant instant(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(formats.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("effectiveFrom", Text.of("web.giveDateTimeYYYYMM"));
        }
    }
}
