package io.mercato.web.seller;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockLedger;
import io.mercato.merchant.Store;
import io.mercato.platform.Actor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The CSV of a store's SKUs that the bulk upload reads back: {@code sku_id,price,on_hand} first (prices in the SKU's
 * currency with a decimal point, {@code 12.90}), then the product id, title, variant and status to know each line by.
 */
@Controller
final class Export {

    private final Catalog catalog;
    private final StockLedger stock;
    private final CurrentStore currentStore;

    Export(Catalog catalog, StockLedger stock, CurrentStore currentStore) {
        this.catalog = catalog;
        this.stock = stock;
        this.currentStore = currentStore;
    }

    @GetMapping("/seller/bulk/export.csv")
    ResponseEntity<byte[]> export(Actor seller, @RequestParam(required = false) @Nullable Long store) {
        Store current = currentStore.of(seller, store);
        StringBuilder csv = new StringBuilder("\uFEFF" + BulkUpdate.HEADER + ",product_id,title,variant,status\r\n");
        for (int page = 0; ; page++) {
            Catalog.Page<Product> products = catalog.storeProducts(seller, current.id(), page, 100);
            Map<Long, Stock> levels = stock.stock(products.items().stream().flatMap(p -> p.skus().stream())
                    .map(Sku::id).toList());
            for (Product product : products.items()) {
                for (Sku sku : product.skus()) {
                    Stock level = levels.get(sku.id());
                    csv.append(sku.id()).append(',').append(major(sku.priceMinor(), sku.currency())).append(',')
                            .append(level == null ? 0 : level.onHand()).append(',').append(product.id()).append(',')
                            .append(quoted(product.title())).append(',')
                            .append(quoted(String.join(" ", new TreeMap<>(sku.attributes()).values()))).append(',')
                            .append(product.status()).append("\r\n");
                }
            }
            if ((long) (page + 1) * 100 >= products.total()) {
                break;
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("skus-" + current.id() + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** An amount in major units with the currency's decimals: {@code 12.90}. */
    static String major(long minor, String currency) {
        return BigDecimal.valueOf(minor, Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()))
                .toPlainString();
    }

    /** A text cell: quoted, quotes doubled, and a leading formula character defused for spreadsheets. */
    static String quoted(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    /** The cells of one CSV line, reading quoted cells (with doubled quotes) as the export writes them. */
    static String[] cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
