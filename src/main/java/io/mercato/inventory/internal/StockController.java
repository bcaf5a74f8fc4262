package io.mercato.inventory.internal;

import io.mercato.catalog.Catalog;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockLedger;
import io.mercato.platform.Actor;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Collection;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Stock", description = "Stock on hand and available per SKU")
class StockController {

    private final StockLedger stock;
    private final Catalog catalog;

    StockController(StockLedger stock, Catalog catalog) {
        this.stock = stock;
        this.catalog = catalog;
    }

    record OnHand(@NotNull Long onHand) {
    }

    record Availability(long skuId, long available) {
    }

    /** What buyers see: how many units can still be bought. */
    @GetMapping("/products/availability")
    List<Availability> availability(@RequestParam("sku") List<Long> skuIds) {
        if (skuIds.size() > 200) {
            throw new io.mercato.platform.InvalidInputException("sku", Text.of("inventory.mostSKUsPerRequest"));
        }
        Collection<Stock> found = stock.stock(catalog.listedSkus(skuIds)).values();
        return found.stream().map(s -> new Availability(s.skuId(), s.available())).toList();
    }

    @PutMapping("/skus/{skuId}/stock")
    Stock set(@PathVariable long skuId, @Valid @RequestBody OnHand request, Actor actor) {
        return stock.setOnHand(actor, skuId, request.onHand());
    }
}
