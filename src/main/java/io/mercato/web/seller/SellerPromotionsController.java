package io.mercato.web.seller;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.pricing.AdjustmentKind;
import io.mercato.pricing.Funder;
import io.mercato.pricing.Promotions;
import io.mercato.pricing.Vouchers;
import io.mercato.web.common.FormKeys;
import io.mercato.web.common.FormValues;
import io.mercato.web.common.Formats;
import io.mercato.web.common.Said;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seller's promotions, per store: store coupons (with how many were claimed and used), flash-sale prices,
 * limited-time discounts and member-price participation on the store's SKUs.
 */
@Controller
final class SellerPromotionsController {

    private final Stores stores;
    private final Catalog catalog;
    private final Vouchers vouchers;
    private final Promotions promotions;
    private final FormKeys formKeys;
    private final Formats formats;

    SellerPromotionsController(Stores stores, Catalog catalog, Vouchers vouchers, Promotions promotions,
            FormKeys formKeys, Formats formats) {
        this.stores = stores;
        this.catalog = catalog;
        this.vouchers = vouchers;
        this.promotions = promotions;
        this.formKeys = formKeys;
        this.formats = formats;
    }

    @GetMapping("/seller/promotions")
    String promotions(Actor seller, @RequestParam(required = false) @Nullable Long store, Model model) {
        List<Store> mine = stores.ownedBy(seller.accountId());
        model.addAttribute("stores", mine);
        if (mine.isEmpty()) {
            return "seller/promotions";
        }
        Store current = store == null ? mine.getFirst() : stores.requireManagedBy(seller, store);
        model.addAttribute("store", current);
        model.addAttribute("pools", storePools(seller, current.id()));
        model.addAttribute("promotions", promotions.ofStore(seller, current.id()));
        List<Product> products = catalog.storeProducts(seller, current.id(), 0, 100).items();
        Map<Long, String> skuNames = products.stream().flatMap(p -> p.skus().stream().map(sku -> Map.entry(sku.id(),
                        p.title() + (sku.attributes().isEmpty() ? "" : " · " + String.join(" / ", sku.attributes().values())))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
        model.addAttribute("skuNames", skuNames);
        model.addAttribute("kinds", List.of(AdjustmentKind.FLASH_SALE, AdjustmentKind.LIMITED_TIME, AdjustmentKind.MEMBER_PRICE));
        return "seller/promotions";
    }

    private List<Vouchers.Pool> storePools(Actor seller, long storeId) {
        return promotions.pools(seller, storeId);
    }

    @PostMapping("/seller/promotions/{storeId}/coupons")
    String createCoupon(Actor seller, @PathVariable long storeId, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        if (!formKeys.claim(seller, form.get("formKey"))) {
            redirect.addFlashAttribute("notice", "form.repeated");
            return back(storeId);
        }
        try {
            Store store = stores.requireManagedBy(seller, storeId);
            Instant from = FormValues.instant("claimFrom", form.get("claimFrom"), formats.zone());
            Instant until = FormValues.instant("claimUntil", form.get("claimUntil"), formats.zone());
            Instant validUntil = FormValues.instant("validUntil", form.get("validUntil"), formats.zone());
            Long total = FormValues.whole("totalLimit", form.get("totalLimit"));
            Long perBuyer = FormValues.whole("perBuyerLimit", form.get("perBuyerLimit"));
            if (total == null) {
                throw new InvalidInputException("totalLimit", Text.of("web.sayHowManyCouponsPool"));
            }
            if (perBuyer == null || perBuyer > Integer.MAX_VALUE || perBuyer < Integer.MIN_VALUE) {
                throw new InvalidInputException("perBuyerLimit", Text.of("web.sayHowManyCouponsOne"));
            }
            var threshold = FormValues.money("threshold", form.get("threshold"), store.currency());
            var off = FormValues.money("amountOff", form.get("amountOff"), store.currency());
            vouchers.createPool(seller, new Vouchers.NewPool(form.get("name"), Funder.MERCHANT, storeId, null, off,
                    threshold == null && off != null ? io.mercato.platform.Money.zero(off.currency()) : threshold,
                    total, perBuyer.intValue(), from, until, from, validUntil == null ? until : validUntil, false, false));
            redirect.addFlashAttribute("notice", "pricing.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return back(storeId);
    }

    @PostMapping("/seller/promotions/{storeId}/prices")
    String createPrice(Actor seller, @PathVariable long storeId, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        if (!formKeys.claim(seller, form.get("formKey"))) {
            redirect.addFlashAttribute("notice", "form.repeated");
            return back(storeId);
        }
        try {
            Store store = stores.requireManagedBy(seller, storeId);
            AdjustmentKind kind;
            try {
                kind = AdjustmentKind.valueOf(form.getOrDefault("kind", ""));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("kind", Text.of("web.chooseFlashSaleLimitedTime"));
            }
            Long sku = FormValues.whole("skuId", form.get("skuId"));
            Long percent = FormValues.whole("percentOff", form.get("percentOff"));
            promotions.create(seller, new Promotions.NewSkuPromotion(kind, form.get("name"), sku == null ? 0 : sku,
                    FormValues.money("price", form.get("price"), store.currency()),
                    percent == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, percent * 100)),
                    FormValues.instant("startsAt", form.get("startsAt"), formats.zone()),
                    FormValues.instant("endsAt", form.get("endsAt"), formats.zone())));
            redirect.addFlashAttribute("notice", "pricing.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return back(storeId);
    }

    @PostMapping("/seller/promotions/{storeId}/prices/{promotionId}/end")
    String end(Actor seller, @PathVariable long storeId, @PathVariable long promotionId, RedirectAttributes redirect) {
        try {
            promotions.end(seller, promotionId);
            redirect.addFlashAttribute("notice", "pricing.ended");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return back(storeId);
    }

    private static String back(long storeId) {
        return "redirect:/seller/promotions?store=" + storeId;
    }
}
