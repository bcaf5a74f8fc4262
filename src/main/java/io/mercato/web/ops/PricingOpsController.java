package io.mercato.web.ops;

import io.mercato.payment.AccountKind;
import io.mercato.payment.DailyAmount;
import io.mercato.payment.Escrow;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Text;
import io.mercato.pricing.AdjustmentKind;
import io.mercato.pricing.Funder;
import io.mercato.pricing.Promotions;
import io.mercato.pricing.Vouchers;
import io.mercato.web.common.FormKeys;
import io.mercato.web.common.FormValues;
import io.mercato.web.common.Formats;
import io.mercato.web.common.Said;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform's promotions in the operations console: vouchers (with issued and used), cross-store threshold
 * discounts, subsidised SKUs, and what the platform spent on the discounts it funds, by day, from the ledger.
 */
@Controller
final class PricingOpsController {

    private static final String CURRENCY = "CNY";
    private static final int SPEND_DAYS = 30;

    private final Vouchers vouchers;
    private final Promotions promotions;
    private final Escrow escrow;
    private final FormKeys formKeys;
    private final Formats formats;
    private final Clock clock;

    PricingOpsController(Vouchers vouchers, Promotions promotions, Escrow escrow, FormKeys formKeys, Formats formats,
            Clock clock) {
        this.vouchers = vouchers;
        this.promotions = promotions;
        this.escrow = escrow;
        this.formKeys = formKeys;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping("/ops/pricing")
    String pricing(Actor operator, Model model) {
        model.addAttribute("vouchers", promotions.pools(operator, null));
        model.addAttribute("thresholds", promotions.thresholds(operator));
        model.addAttribute("subsidies", promotions.subsidies(operator));
        LocalDate today = LocalDate.ofInstant(clock.instant(), formats.zone());
        List<DailyAmount> booked = escrow.bookedPerDay(AccountKind.SUBSIDY, today.minusDays(SPEND_DAYS - 1), today,
                formats.zone());
        List<DailyAmount> spend = new ArrayList<>();
        long total = 0;
        for (DailyAmount day : booked) {
            if (day.amount().currencyCode().equals(CURRENCY)) {
                // The subsidy account receives minus what the platform spends.
                spend.add(new DailyAmount(day.day(), new Money(-day.amount().minor(), day.amount().currency())));
                total -= day.amount().minor();
            }
        }
        model.addAttribute("spend", spend);
        model.addAttribute("spendTotal", total);
        model.addAttribute("currency", CURRENCY);
        return "ops/pricing";
    }

    @PostMapping("/ops/pricing/vouchers")
    String createVoucher(Actor operator, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(operator, form, redirect, () -> {
            Instant from = FormValues.instant("claimFrom", form.get("claimFrom"), formats.zone());
            Instant until = FormValues.instant("claimUntil", form.get("claimUntil"), formats.zone());
            Instant validUntil = FormValues.instant("validUntil", form.get("validUntil"), formats.zone());
            Long total = FormValues.whole("totalLimit", form.get("totalLimit"));
            Long perBuyer = FormValues.whole("perBuyerLimit", form.get("perBuyerLimit"));
            if (total == null) {
                throw new InvalidInputException("totalLimit", Text.of("web.sayHowManyVouchersPool"));
            }
            if (perBuyer == null || perBuyer > 1_000 || perBuyer < -1_000) {
                throw new InvalidInputException("perBuyerLimit", Text.of("web.sayHowManyVouchersOne"));
            }
            Money off = FormValues.money("amountOff", form.get("amountOff"), CURRENCY);
            Money threshold = FormValues.money("threshold", form.get("threshold"), CURRENCY);
            vouchers.createPool(operator, new Vouchers.NewPool(form.get("name"), Funder.PLATFORM, null,
                    FormValues.whole("festivalId", form.get("festivalId")), off,
                    threshold == null && off != null ? Money.zero(off.currency()) : threshold, total, perBuyer.intValue(),
                    from, until, from, validUntil == null ? until : validUntil, "on".equals(form.get("membersOnly")),
                    false));
        });
    }

    @PostMapping("/ops/pricing/thresholds")
    String createThreshold(Actor operator, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(operator, form, redirect, () -> promotions.createThreshold(operator, new Promotions.NewThreshold(
                form.get("name"), FormValues.money("step", form.get("step"), CURRENCY),
                FormValues.money("off", form.get("off"), CURRENCY), FormValues.money("cap", form.get("cap"), CURRENCY),
                FormValues.whole("festivalId", form.get("festivalId")),
                FormValues.instant("startsAt", form.get("startsAt"), formats.zone()),
                FormValues.instant("endsAt", form.get("endsAt"), formats.zone()))));
    }

    @PostMapping("/ops/pricing/thresholds/{id}/end")
    String endThreshold(Actor operator, @PathVariable long id, RedirectAttributes redirect) {
        try {
            promotions.endThreshold(operator, id);
            redirect.addFlashAttribute("notice", "pricing.ended");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/ops/pricing";
    }

    @PostMapping("/ops/pricing/subsidies")
    String createSubsidy(Actor operator, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(operator, form, redirect, () -> {
            Long sku = FormValues.whole("skuId", form.get("skuId"));
            if (sku == null) {
                throw new InvalidInputException("skuId", Text.of("web.nameSKUSubsidise"));
            }
            Long percent = FormValues.whole("percentOff", form.get("percentOff"));
            promotions.create(operator, new Promotions.NewSkuPromotion(AdjustmentKind.SUBSIDY, form.get("name"), sku,
                    FormValues.money("price", form.get("price"), CURRENCY),
                    percent == null ? null : (int) Math.max(-1, Math.min(1_000_000, percent * 100)),
                    FormValues.instant("startsAt", form.get("startsAt"), formats.zone()),
                    FormValues.instant("endsAt", form.get("endsAt"), formats.zone())));
        });
    }

    @PostMapping("/ops/pricing/subsidies/{id}/end")
    String endSubsidy(Actor operator, @PathVariable long id, RedirectAttributes redirect) {
        try {
            promotions.end(operator, id);
            redirect.addFlashAttribute("notice", "pricing.ended");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/ops/pricing";
    }

    private String act(Actor operator, Map<String, String> form, RedirectAttributes redirect, Runnable action) {
        if (!formKeys.claim(operator, form.get("formKey"))) {
            redirect.addFlashAttribute("notice", "form.repeated");
            return "redirect:/ops/pricing";
        }
        try {
            action.run();
            redirect.addFlashAttribute("notice", "pricing.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/ops/pricing";
    }
}
