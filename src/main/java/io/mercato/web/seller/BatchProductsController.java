package io.mercato.web.seller;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductDraft;
import io.mercato.catalog.ProductDraft.SkuDraft;
import io.mercato.catalog.Sku;
import io.mercato.http.Wording;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.web.common.Formats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Batch actions on the products ticked in the seller's list: list, delist, or change the price of every SKU (to an
 * amount in yuan, or by a percentage). One transaction for the whole batch: a refusal on any product leaves every
 * product as it was, and the page names the product refused and why.
 */
@Controller
final class BatchProductsController {

    static final int MAX_BATCH = 200;

    private final Catalog catalog;
    private final TransactionTemplate transactions;
    private final Wording wording;
    private final StockAlerts alerts;

    BatchProductsController(Catalog catalog, TransactionTemplate transactions, Wording wording, StockAlerts alerts) {
        this.catalog = catalog;
        this.transactions = transactions;
        this.wording = wording;
        this.alerts = alerts;
    }

    @PostMapping("/seller/products/batch")
    String batch(Actor seller, @RequestParam(required = false) @Nullable List<Long> ids,
            @RequestParam String action, @RequestParam(required = false) @Nullable String price,
            @RequestParam(required = false) @Nullable String percent,
            @RequestParam(required = false) @Nullable Long store, RedirectAttributes redirect) {
        String back = "redirect:/seller/products" + (store == null ? "" : "?store=" + store);
        List<Long> chosen = ids == null ? List.of() : ids.stream().distinct().toList();
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("error", wording.of(Text.of("workbench.batch.none")));
            return back;
        }
        if (chosen.size() > MAX_BATCH) {
            redirect.addFlashAttribute("error", wording.of(Text.of("workbench.batch.tooMany", MAX_BATCH)));
            return back;
        }
        long[] current = new long[1];
        try {
            transactions.executeWithoutResult(status -> {
                for (long productId : chosen) {
                    current[0] = productId;
                    apply(seller, productId, action, price, percent);
                }
            });
            redirect.addFlashAttribute("notice", "workbench.batch.done." + action);
            redirect.addFlashAttribute("batchCount", chosen.size());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error",
                    wording.of(Text.of("workbench.batch.refused", String.valueOf(current[0]))) + " " + wording.of(e));
        }
        return back;
    }

    private void apply(Actor seller, long productId, String action, @Nullable String price, @Nullable String percent) {
        switch (action) {
            case "list" -> catalog.list(seller, productId);
            case "delist" -> catalog.delist(seller, productId);
            case "price" -> reprice(seller, catalog.product(productId, seller), price, percent);
            default -> throw new InvalidInputException("action", Text.of("workbench.batch.action"));
        }
    }

    private void reprice(Actor seller, Product product, @Nullable String price, @Nullable String percent) {
        boolean byAmount = price != null && !price.isBlank();
        boolean byPercent = percent != null && !percent.isBlank();
        if (byAmount == byPercent) {
            throw new InvalidInputException("price", Text.of("workbench.batch.priceOrPercent"));
        }
        BigDecimal factor = BigDecimal.ONE;
        if (byPercent) {
            try {
                BigDecimal change = new BigDecimal(percent.strip().replace("%", ""));
                if (change.compareTo(BigDecimal.valueOf(-99)) < 0 || change.compareTo(BigDecimal.valueOf(1000)) > 0) {
                    throw new NumberFormatException();
                }
                factor = BigDecimal.ONE.add(change.movePointLeft(2));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("percent", Text.of("workbench.batch.percent"));
            }
        }
        List<SkuDraft> skus = new ArrayList<>();
        for (Sku sku : product.skus()) {
            long minor;
            if (byAmount) {
                try {
                    minor = Formats.parseMinor(price, sku.currency());
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new InvalidInputException("price", Text.of("workbench.batch.price"));
                }
            } else {
                minor = BigDecimal.valueOf(sku.priceMinor()).multiply(factor).setScale(0, RoundingMode.HALF_UP)
                        .longValueExact();
            }
            if (minor <= 0) {
                throw new InvalidInputException("price", Text.of("workbench.batch.price"));
            }
            skus.add(new SkuDraft(sku.id(), null, minor, sku.currency(), null, null));
        }
        catalog.updateProduct(seller, product.id(), new ProductDraft(null, null, null, null, null, skus));
    }

    @PostMapping("/seller/products/thresholds")
    String thresholds(Actor seller, @RequestParam long skuId, @RequestParam(required = false) @Nullable String threshold,
            @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        try {
            Long value = null;
            if (threshold != null && !threshold.isBlank()) {
                try {
                    value = Long.parseLong(threshold.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("threshold", Text.of("workbench.threshold.range",
                            StockAlerts.MAX_THRESHOLD));
                }
            }
            alerts.setThreshold(seller, skuId, value);
            redirect.addFlashAttribute("notice", "workbench.threshold.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", wording.of(e));
        }
        return back != null && back.startsWith("/seller/") && !back.startsWith("//") ? "redirect:" + back
                : "redirect:/seller/products";
    }
}
