package io.mercato.web.seller;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.platform.Actor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The seller's low-stock alerts: each SKU at or below its threshold, with its product and a link to restock it. */
@Controller
final class StockAlertsController {

    private final StockAlerts alerts;
    private final Catalog catalog;

    StockAlertsController(StockAlerts alerts, Catalog catalog) {
        this.alerts = alerts;
        this.catalog = catalog;
    }

    record Row(StockAlerts.Alert alert, Product product, Sku sku) {
    }

    @GetMapping("/seller/alerts")
    String alerts(Actor seller, Model model) {
        List<StockAlerts.Alert> found = alerts.alerts(seller);
        Map<Long, Product> bySku = new HashMap<>();
        if (!found.isEmpty()) {
            Map<Long, Long> productOfSku = new HashMap<>();
            catalog.skuPrices(found.stream().map(StockAlerts.Alert::skuId).toList())
                    .forEach((skuId, price) -> productOfSku.put(skuId, price.productId()));
            List<Product> products = catalog.products(productOfSku.values().stream().distinct().toList());
            for (Product product : products) {
                product.skus().forEach(sku -> bySku.put(sku.id(), product));
            }
        }
        model.addAttribute("rows", found.stream().filter(a -> bySku.containsKey(a.skuId()))
                .map(a -> new Row(a, bySku.get(a.skuId()), bySku.get(a.skuId()).skus().stream()
                        .filter(s -> s.id() == a.skuId()).findFirst().orElseThrow()))
                .toList());
        return "seller/alerts";
    }
}
