package io.mercato.flashsale.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductStatus;
import io.mercato.flashsale.FlashSale;
import io.mercato.flashsale.FlashSales;
import io.mercato.flashsale.FlashSales.NewFlashSale;
import io.mercato.http.Wording;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Scheduling flash sales from the seller centre ({@code /seller/flash-sales}: the seller's own listed SKUs) and the
 * console ({@code /ops/flash-sales}: any listed SKU, found by title or id): the form (SKU, sale price, quantity,
 * per-buyer limit, start and end in the marketplace's time zone), the list of sales with their state and units sold,
 * and cancelling one before it starts. Every rule is the facade's; a refusal comes back in the reader's words.
 */
@Controller
final class FlashSaleManagePages {

    private static final int SKUS_SHOWN = 200;

    private final FlashSales sales;
    private final Catalog catalog;
    private final Stores stores;
    private final Wording wording;
    private final ZoneId zone;

    FlashSaleManagePages(FlashSales sales, Catalog catalog, Stores stores, Wording wording,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.sales = sales;
        this.catalog = catalog;
        this.stores = stores;
        this.wording = wording;
        this.zone = ZoneId.of(zone);
    }

    /** One SKU the form offers: its id, what it is and its list price. */
    record SkuChoice(long skuId, String label, long priceMinor, String currency) {
    }

    @GetMapping("/seller/flash-sales")
    String seller(Actor seller, Model model) {
        seller.require(Role.SELLER);
        List<SkuChoice> skus = new ArrayList<>();
        for (Store store : stores.ownedBy(seller.accountId())) {
            for (Product product : catalog.storeProducts(seller, store.id(), null, ProductStatus.LISTED, 0, 100).items()) {
                addSkus(skus, product);
            }
        }
        return page("seller", seller, skus, null, model);
    }

    @GetMapping("/ops/flash-sales")
    String console(Actor operator, @RequestParam(required = false) @Nullable String q, Model model) {
        operator.require(Role.OPERATOR);
        List<SkuChoice> skus = new ArrayList<>();
        String text = q == null || q.isBlank() ? null : q.strip();
        for (Product product : catalog.allProducts(operator, text, ProductStatus.LISTED, null, 0, 50).items()) {
            addSkus(skus, product);
        }
        return page("ops", operator, skus, text, model);
    }

    private static void addSkus(List<SkuChoice> skus, Product product) {
        product.skus().stream().limit(Math.max(0, SKUS_SHOWN - skus.size())).forEach(sku -> skus.add(new SkuChoice(
                sku.id(), product.title() + (sku.attributes().isEmpty() ? "" : " · "
                        + String.join(" / ", sku.attributes().values())) + " (#" + sku.id() + ")",
                sku.price().minor(), sku.price().currencyCode())));
    }

    private String page(String area, Actor actor, List<SkuChoice> skus, @Nullable String query, Model model) {
        model.addAttribute("area", area);
        model.addAttribute("skus", skus);
        model.addAttribute("query", query);
        model.addAttribute("sales", sales.managed(actor));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("perBuyerLimit", "1"));
        }
        return "flashsale/manage";
    }

    @PostMapping({"/seller/flash-sales", "/ops/flash-sales"})
    String schedule(Actor actor, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        String area = actor.is(Role.OPERATOR) ? "ops" : "seller";
        try {
            Long skuId = whole("skuId", form.get("skuId"));
            String currency = "CNY";
            if (skuId != null) {
                try {
                    currency = catalog.saleable(skuId).price().currencyCode();
                } catch (DomainException unknown) {
                    // the facade names the SKU field below
                }
            }
            FlashSale sale = sales.schedule(actor, new NewFlashSale(form.get("name"), skuId,
                    money("price", form.get("price"), currency), whole("quantity", form.get("quantity")),
                    limit(form.get("perBuyerLimit")), instant("startsAt", form.get("startsAt")),
                    instant("endsAt", form.get("endsAt"))));
            redirect.addFlashAttribute("notice", "flashsale.manage.scheduled");
            redirect.addFlashAttribute("scheduled", sale.id());
        } catch (DomainException refused) {
            redirect.addFlashAttribute("error", wording.of(refused));
            redirect.addFlashAttribute("form", new LinkedHashMap<>(form));
        }
        return "redirect:/" + area + "/flash-sales";
    }

    @PostMapping({"/seller/flash-sales/{saleId}/cancel", "/ops/flash-sales/{saleId}/cancel"})
    String cancel(Actor actor, @PathVariable long saleId, RedirectAttributes redirect) {
        try {
            sales.cancel(actor, saleId);
            redirect.addFlashAttribute("notice", "flashsale.manage.cancelled");
        } catch (DomainException refused) {
            redirect.addFlashAttribute("error", wording.of(refused));
        }
        return "redirect:/" + (actor.is(Role.OPERATOR) ? "ops" : "seller") + "/flash-sales";
    }

    private static @Nullable Long whole(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, Text.of("flashsale.manage.whole", text.strip()));
        }
    }

    private static @Nullable Integer limit(@Nullable String text) {
        Long limit = whole("perBuyerLimit", text);
        if (limit != null && (limit < 1 || limit > FlashSales.MAX_PER_BUYER)) {
            throw new InvalidInputException("perBuyerLimit", Text.of("flashsale.limit.range", FlashSales.MAX_PER_BUYER));
        }
        return limit == null ? null : limit.intValue();
    }

    private static @Nullable Long money(String field, @Nullable String text, String currency) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.strip().replace(",", ""));
            return amount.movePointRight(Currencies.parse(currency).getDefaultFractionDigits()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(field, Text.of("flashsale.manage.amount", text.strip()));
        }
    }

    private @Nullable Instant instant(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, Text.of("flashsale.manage.dateTime"));
        }
    }
}
