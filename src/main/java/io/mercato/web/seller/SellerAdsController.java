package io.mercato.web.seller;

import io.mercato.ads.AdCampaigns;
import io.mercato.ads.Campaign;
import io.mercato.ads.CampaignDraft;
import io.mercato.ads.CampaignReport;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.payment.AdAccounts;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.web.common.AmountField;
import io.mercato.web.common.FormKeys;
import io.mercato.web.common.Formats;
import io.mercato.web.common.Said;
import io.mercato.web.common.DateRange;
import org.springframework.format.annotation.DateTimeFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seller's advertising: campaigns (create, edit, pause, resume), the ad account and its top-ups, each campaign's
 * figures with charts, its clicks, and why each click cost what it did.
 */
@Controller
final class SellerAdsController {

    private static final int CHART_DAYS = 14;
    /** The longest daily report ads keeps to (its {@code AdReports.MAX_DAYS}). */
    private static final int CHART_MAX_DAYS = 92;

    private final AdCampaigns campaigns;
    private final AdAccounts accounts;
    private final Catalog catalog;
    private final Stores stores;
    private final FormKeys formKeys;
    private final Formats formats;
    private final Clock clock;

    SellerAdsController(AdCampaigns campaigns, AdAccounts accounts, Catalog catalog, Stores stores, FormKeys formKeys,
            Formats formats, Clock clock) {
        this.campaigns = campaigns;
        this.accounts = accounts;
        this.catalog = catalog;
        this.stores = stores;
        this.formKeys = formKeys;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping("/seller/ads")
    String ads(Actor seller, Model model) {
        seller.require(Role.SELLER);
        model.addAttribute("campaigns", campaigns.list(seller));
        List<Product> products = new ArrayList<>();
        for (Store store : stores.ownedBy(seller.accountId())) {
            products.addAll(catalog.storeProducts(seller, store.id(), 0, 100).items());
        }
        model.addAttribute("products", products);
        model.addAttribute("balance", accounts.balance(seller.accountId(), Currencies.CNY));
        model.addAttribute("postings", accounts.postings(seller, 20));
        return "seller/ads";
    }

    @PostMapping("/seller/ads/top-ups")
    String topUp(Actor seller, @RequestParam String amount, @RequestParam(required = false) @Nullable String formKey,
            RedirectAttributes redirect) {
        if (!formKeys.claim(seller, formKey)) {
            redirect.addFlashAttribute("notice", "form.repeated");
            return "redirect:/seller/ads";
        }
        try {
            accounts.topUp(seller, AmountField.parse(amount, "CNY"));
            redirect.addFlashAttribute("notice", "ads.account.toppedUp");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/seller/ads";
    }

    @PostMapping("/seller/ads/campaigns")
    String create(Actor seller, @RequestParam(required = false) @Nullable Long productId,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String budget,
            @RequestParam(defaultValue = "") String targetRoi, @RequestParam(defaultValue = "") String startsAt,
            @RequestParam(defaultValue = "") String endsAt, @RequestParam(required = false) @Nullable String formKey,
            RedirectAttributes redirect) {
        if (!formKeys.claim(seller, formKey)) {
            redirect.addFlashAttribute("notice", "form.repeated");
            return "redirect:/seller/ads";
        }
        try {
            Campaign campaign = campaigns.create(seller, draft(productId, name, budget, targetRoi, startsAt, endsAt));
            redirect.addFlashAttribute("notice", "ads.campaign.created");
            return "redirect:/seller/ads/" + campaign.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
            return "redirect:/seller/ads";
        }
    }

    @GetMapping("/seller/ads/{id}")
    String campaign(Actor seller, @PathVariable long id,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate start,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate end,
            @RequestParam(name = "days", required = false) @Nullable Integer preset, Model model) {
        Campaign campaign = campaigns.get(seller, id);
        LocalDate now = LocalDate.ofInstant(clock.instant(), formats.zone());
        // Two weeks unless asked otherwise; the daily report covers at most CHART_MAX_DAYS, so longer ranges are cut.
        DateRange asked = DateRange.of(start == null && end == null && preset == null ? now.minusDays(CHART_DAYS - 1) : start,
                end, preset, clock, formats);
        LocalDate today = asked.to();
        LocalDate first = asked.from().isBefore(today.minusDays(CHART_MAX_DAYS - 1)) ? today.minusDays(CHART_MAX_DAYS - 1)
                : asked.from();
        DateRange range = new DateRange(first, today, asked.today(), first.equals(asked.from()) ? asked.preset() : 0);
        model.addAttribute("range", range);
        CampaignReport daily = campaigns.report(seller, id, CampaignReport.Period.DAY, first, today);
        CampaignReport hourly = campaigns.report(seller, id, CampaignReport.Period.HOUR, now, now);
        model.addAttribute("campaign", campaign);
        model.addAttribute("daily", daily);
        model.addAttribute("hourly", hourly);
        Map<LocalDate, CampaignReport.Row> byDay = new TreeMap<>();
        daily.rows().forEach(row -> byDay.put(LocalDate.ofInstant(row.start(), formats.zone()), row));
        List<String> days = new ArrayList<>();
        List<BigDecimal> spend = new ArrayList<>();
        List<BigDecimal> gmv = new ArrayList<>();
        List<Long> clicks = new ArrayList<>();
        List<Long> impressions = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            CampaignReport.Row row = byDay.get(day);
            days.add(day.getMonthValue() + "/" + day.getDayOfMonth());
            spend.add(major(row == null ? 0 : row.spendMinor()));
            gmv.add(major(row == null ? 0 : row.gmvMinor()));
            clicks.add(row == null ? 0 : row.clicks());
            impressions.add(row == null ? 0 : row.impressions());
        }
        model.addAttribute("days", days);
        model.addAttribute("spend", spend);
        model.addAttribute("gmv", gmv);
        model.addAttribute("clicks", clicks);
        model.addAttribute("impressions", impressions);
        model.addAttribute("clickList", campaigns.clicks(seller, id, 30));
        return "seller/ad-campaign";
    }

    @PostMapping("/seller/ads/{id}")
    String update(Actor seller, @PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String budget, @RequestParam(defaultValue = "") String targetRoi,
            @RequestParam(defaultValue = "") String endsAt, RedirectAttributes redirect) {
        try {
            campaigns.update(seller, id, draft(null, name, budget, targetRoi, "", endsAt));
            redirect.addFlashAttribute("notice", "ads.campaign.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/seller/ads/" + id;
    }

    @PostMapping("/seller/ads/{id}/pause")
    String pause(Actor seller, @PathVariable long id, RedirectAttributes redirect) {
        campaigns.pause(seller, id);
        redirect.addFlashAttribute("notice", "ads.campaign.paused");
        return "redirect:/seller/ads/" + id;
    }

    @PostMapping("/seller/ads/{id}/resume")
    String resume(Actor seller, @PathVariable long id, RedirectAttributes redirect) {
        campaigns.resume(seller, id);
        redirect.addFlashAttribute("notice", "ads.campaign.resumed");
        return "redirect:/seller/ads/" + id;
    }

    /** Why this price: the auction behind one click. */
    @GetMapping("/seller/ads/clicks/{clickId}")
    String explain(Actor seller, @PathVariable long clickId, Model model) {
        model.addAttribute("explanation", campaigns.explain(seller, clickId));
        return "seller/ad-click";
    }

    private CampaignDraft draft(@Nullable Long productId, String name, String budget, String targetRoi, String startsAt,
            String endsAt) {
        Long budgetMinor = budget.isBlank() ? null : AmountField.parse(budget, "CNY").minor();
        BigDecimal roi = null;
        if (!targetRoi.isBlank()) {
            try {
                roi = new BigDecimal(targetRoi.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("targetRoi", Text.of("web.targetROINumberSuch"));
            }
        }
        return new CampaignDraft(productId, name.isBlank() ? null : name, budgetMinor, null, roi,
                instant("startsAt", startsAt), instant("endsAt", endsAt));
    }

    private @Nullable Instant instant(String field, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(formats.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Text.of("web.dateTimeSuchT09"));
        }
    }

    private static BigDecimal major(long minor) {
        return BigDecimal.valueOf(minor).divide(BigDecimal.valueOf(100), 2, RoundingMode.UNNECESSARY);
    }

    static Money zero() {
        return Money.zero(Currencies.CNY);
    }
}
