package io.mercato.web.seller;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.ordering.Presale;
import io.mercato.ordering.PresaleOrders;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.pricing.Festivals;
import io.mercato.pricing.Festivals.Festival;
import io.mercato.pricing.Presales;
import io.mercato.pricing.Presales.UnpaidRule;
import io.mercato.web.common.AmountField;
import io.mercato.web.common.Said;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The seller's festivals: those its stores take part in, SKU enrolment, presale offers and the buyers' deposits. */
@Controller
final class SellerFestivalsController {

    private final Festivals festivals;
    private final Presales offers;
    private final PresaleOrders presales;
    private final Stores stores;
    private final Catalog catalog;
    private final Clock clock;

    SellerFestivalsController(Festivals festivals, Presales offers, PresaleOrders presales, Stores stores,
            Catalog catalog, Clock clock) {
        this.festivals = festivals;
        this.offers = offers;
        this.presales = presales;
        this.stores = stores;
        this.catalog = catalog;
        this.clock = clock;
    }

    private static boolean chinese() {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    @GetMapping("/seller/festivals")
    String list(Actor seller, Model model) {
        seller.require(Role.SELLER);
        Instant now = clock.instant();
        Map<Store, List<Festival>> byStore = new LinkedHashMap<>();
        for (Store store : stores.ownedBy(seller.accountId())) {
            byStore.put(store, festivals.festivalsOfStore(seller, store.id(), now));
        }
        model.addAttribute("byStore", byStore);
        model.addAttribute("now", now);
        model.addAttribute("zh", chinese());
        return "seller/festivals";
    }

    @GetMapping("/seller/festivals/{festivalId}")
    String festival(Actor seller, @PathVariable long festivalId, @RequestParam long store, Model model) {
        seller.require(Role.SELLER);
        Store mine = stores.requireManagedBy(seller, store);
        Festival festival = festivals.festival(festivalId);
        Instant now = clock.instant();
        boolean participates = festivals.participants(festivalId).stream().anyMatch(p -> p.storeId() == store);
        if (!participates) {
            throw new io.mercato.platform.NotFoundException(Text.of("web.storeDoesNotTakePart", store, festivalId));
        }
        List<Festivals.Enrolment> enrolled = festivals.enrolments(festivalId, store);
        Set<Long> enrolledSkus = enrolled.stream().map(Festivals.Enrolment::skuId).collect(Collectors.toSet());
        List<SkuChoice> choices = new ArrayList<>();
        Map<Long, String> titles = new LinkedHashMap<>();
        for (Product product : catalog.storeProducts(seller, store, 0, 100).items()) {
            product.skus().forEach(sku -> {
                String label = product.title() + (sku.attributes().isEmpty() ? "" : " · " + String.join(" / ", sku.attributes().values()));
                titles.put(sku.id(), label);
                choices.add(new SkuChoice(sku.id(), label, enrolledSkus.contains(sku.id())));
            });
        }
        List<Presale> deposits = presales.presales(seller, store, 200).stream()
                .filter(p -> p.festivalId() == festivalId).toList();
        model.addAttribute("store", mine);
        model.addAttribute("festival", festival);
        model.addAttribute("name", festival.name(chinese()));
        model.addAttribute("phase", festival.phase(now));
        model.addAttribute("enrolmentOpen", festival.enrolmentOpen(now));
        model.addAttribute("presaleOpen", festival.hasPresale() && festival.presaleUntil() != null && now.isBefore(festival.presaleUntil()));
        model.addAttribute("choices", choices);
        model.addAttribute("titles", titles);
        model.addAttribute("enrolments", enrolled);
        model.addAttribute("offers", offers.offers(festivalId, store));
        model.addAttribute("deposits", deposits);
        model.addAttribute("rules", UnpaidRule.values());
        return "seller/festival";
    }

    @PostMapping("/seller/festivals/{festivalId}/enrolments")
    String enrol(Actor seller, @PathVariable long festivalId, @RequestParam long store,
            @RequestParam(required = false) Long skuId, RedirectAttributes redirect) {
        try {
            if (skuId == null) {
                throw new InvalidInputException("skuId", Text.of("web.chooseSKU"));
            }
            festivals.enrol(seller, festivalId, skuId);
            redirect.addFlashAttribute("notice", "festivals.enrolled");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/seller/festivals/" + festivalId + "?store=" + store;
    }

    @PostMapping("/seller/festivals/{festivalId}/enrolments/{skuId}/withdrawal")
    String withdraw(Actor seller, @PathVariable long festivalId, @PathVariable long skuId, @RequestParam long store,
            RedirectAttributes redirect) {
        try {
            festivals.withdraw(seller, festivalId, skuId, null);
            redirect.addFlashAttribute("notice", "festivals.withdrawn");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/seller/festivals/" + festivalId + "?store=" + store;
    }

    @PostMapping("/seller/festivals/{festivalId}/presales")
    String offer(Actor seller, @PathVariable long festivalId, @RequestParam long store,
            @RequestParam(required = false) Long skuId, @RequestParam String deposit, @RequestParam String worth,
            @RequestParam(defaultValue = "1") int perBuyerLimit, @RequestParam UnpaidRule unpaidRule,
            RedirectAttributes redirect) {
        try {
            String currency = stores.requireManagedBy(seller, store).currency();
            long depositMinor = AmountField.parse(deposit, currency).minor();
            long worthMinor = AmountField.parse(worth, currency).minor();
            offers.create(seller, festivalId, new Presales.NewOffer(skuId, depositMinor, worthMinor, perBuyerLimit, unpaidRule));
            redirect.addFlashAttribute("notice", "festivals.presale.offered");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/seller/festivals/" + festivalId + "?store=" + store;
    }

    /** A SKU of the store, labelled with its product's title and attributes. */
    record SkuChoice(long skuId, String label, boolean enrolled) {
    }
}
