package io.mercato.web.ops;

import io.mercato.ordering.OrderStatistics;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.pricing.Festivals;
import io.mercato.pricing.Festivals.Festival;
import io.mercato.pricing.Funder;
import io.mercato.pricing.Presales;
import io.mercato.pricing.Vouchers;
import io.mercato.web.common.AmountField;
import io.mercato.web.common.Formats;
import io.mercato.web.common.Said;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's festivals: create one with its windows, let stores take part, remove enrolments, issue its voucher
 * pools, and watch its running figures (GMV, orders, vouchers issued and used, subsidy spent) with a chart.
 */
@Controller
final class OpsFestivalsController {

    private final Festivals festivals;
    private final Presales offers;
    private final ObjectProvider<Vouchers> vouchers;
    private final OrderStatistics statistics;
    private final Formats formats;
    private final Clock clock;

    OpsFestivalsController(Festivals festivals, Presales offers, ObjectProvider<Vouchers> vouchers,
            OrderStatistics statistics, Formats formats, Clock clock) {
        this.festivals = festivals;
        this.offers = offers;
        this.vouchers = vouchers;
        this.statistics = statistics;
        this.formats = formats;
        this.clock = clock;
    }

    private static boolean chinese() {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    @GetMapping("/ops/festivals")
    String list(Actor operator, Model model) {
        model.addAttribute("festivals", festivals.all(operator));
        model.addAttribute("now", clock.instant());
        model.addAttribute("zh", chinese());
        model.addAttribute("kinds", Festivals.Kind.values());
        return "ops/festivals";
    }

    @PostMapping("/ops/festivals")
    String create(Actor operator, @RequestParam(defaultValue = "SHOPPING_FESTIVAL") Festivals.Kind kind,
            @RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String nameZh,
            @RequestParam(defaultValue = "") String startsAt, @RequestParam(defaultValue = "") String endsAt,
            @RequestParam(defaultValue = "") String presaleFrom, @RequestParam(defaultValue = "") String presaleUntil,
            @RequestParam(defaultValue = "") String finalFrom, @RequestParam(defaultValue = "") String finalUntil,
            RedirectAttributes redirect) {
        try {
            Festival created = festivals.create(operator, new Festivals.NewFestival(kind, nameEn, nameZh,
                    instant("startsAt", startsAt), instant("endsAt", endsAt), instant("presaleFrom", presaleFrom),
                    instant("presaleUntil", presaleUntil), instant("finalFrom", finalFrom), instant("finalUntil", finalUntil)));
            redirect.addFlashAttribute("notice", "festivals.created");
            return "redirect:/ops/festivals/" + created.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
            return "redirect:/ops/festivals";
        }
    }

    @GetMapping("/ops/festivals/{festivalId}")
    String festival(Actor operator, @PathVariable long festivalId, Model model) {
        operator.require(Role.OPERATOR);
        Festival festival = festivals.festival(festivalId);
        Instant now = clock.instant();
        ZoneId zone = formats.zone();
        LocalDate from = FestivalFigures.firstDay(festival, zone);
        LocalDate to = FestivalFigures.lastDay(festival, zone);
        List<Festivals.Enrolment> enrolments = festivals.enrolments(festivalId, null);
        List<Presales.Offer> presaleOffers = offers.offers(festivalId, null);
        Set<Long> skus = Stream.concat(enrolments.stream().map(Festivals.Enrolment::skuId),
                presaleOffers.stream().map(Presales.Offer::skuId)).collect(Collectors.toSet());
        Vouchers service = vouchers.getIfAvailable();
        List<Vouchers.Pool> pools = service == null ? List.of()
                : festivals.poolIds(festivalId).stream().map(service::pool).toList();
        model.addAttribute("festival", festival);
        model.addAttribute("name", festival.name(chinese()));
        model.addAttribute("phase", festival.phase(now));
        model.addAttribute("participants", festivals.participants(festivalId));
        model.addAttribute("enrolments", enrolments);
        model.addAttribute("offers", presaleOffers);
        model.addAttribute("pools", pools);
        model.addAttribute("poolsAvailable", service != null);
        model.addAttribute("figures", FestivalFigures.of(from, to, statistics.dailySalesOfSkus(skus, from, to, zone),
                pools, statistics.platformFundedOfSkus(skus, from, to, zone), "CNY"));
        return "ops/festival";
    }

    @PostMapping("/ops/festivals/{festivalId}/stores")
    String addStore(Actor operator, @PathVariable long festivalId, @RequestParam(defaultValue = "") String storeId,
            RedirectAttributes redirect) {
        try {
            festivals.addStore(operator, festivalId, number("storeId", storeId));
            redirect.addFlashAttribute("notice", "festivals.storeAdded");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/ops/festivals/" + festivalId;
    }

    @PostMapping("/ops/festivals/{festivalId}/enrolments/{skuId}/removal")
    String remove(Actor operator, @PathVariable long festivalId, @PathVariable long skuId,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            operator.require(Role.OPERATOR);
            festivals.withdraw(operator, festivalId, skuId, reason);
            redirect.addFlashAttribute("notice", "festivals.removed");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/ops/festivals/" + festivalId;
    }

    @PostMapping("/ops/festivals/{festivalId}/pools")
    String addPool(Actor operator, @PathVariable long festivalId, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String amountOff, @RequestParam(defaultValue = "0") String threshold,
            @RequestParam(defaultValue = "") String totalLimit, @RequestParam(defaultValue = "1") String perBuyerLimit,
            @RequestParam(defaultValue = "") String claimFrom, @RequestParam(defaultValue = "") String claimUntil,
            @RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validUntil,
            RedirectAttributes redirect) {
        try {
            festivals.addPool(operator, festivalId, new Vouchers.NewPool(name.strip(), Funder.PLATFORM, null, festivalId,
                    AmountField.parse(amountOff, "CNY"), AmountField.parse(threshold.isBlank() ? "0" : threshold, "CNY"),
                    number("totalLimit", totalLimit), (int) number("perBuyerLimit", perBuyerLimit),
                    required("claimFrom", claimFrom), required("claimUntil", claimUntil),
                    required("validFrom", validFrom), required("validUntil", validUntil), false, false));
            redirect.addFlashAttribute("notice", "festivals.poolAdded");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/ops/festivals/" + festivalId;
    }

    private Instant required(String field, String text) {
        Instant at = instant(field, text);
        if (at == null) {
            throw new InvalidInputException(field, Text.of("web.required", field));
        }
        return at;
    }

    /** A date and time typed in the marketplace's time zone (a datetime-local field); blank is none. */
    private @Nullable Instant instant(String field, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(formats.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Text.of("web.giveYYYYMMDDTHHMM", field));
        }
    }

    private static long number(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, Text.of("web.mustWholeNumber", field));
        }
    }
}
