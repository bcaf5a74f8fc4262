package io.mercato.web.seller;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductDraft.SkuDraft;
import io.mercato.catalog.ProductDraft;
import io.mercato.catalog.Sku;
import io.mercato.inventory.StockLedger;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.web.common.Formats;
import io.mercato.platform.Text;
import io.mercato.web.common.Said;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a CSV of {@code sku_id,price,on_hand} lines (prices in yuan with a decimal point, as the export writes them;
 * the export's further columns are read past, and the older {@code sku_id,price_minor,on_hand} in fen is still read)
 * to the seller's SKUs. Each line is checked and
 * applied on its own (price and stock together or neither), so one bad line never stops the others; the
 * report says what happened to every line. A blank price or stock leaves that value as it is.
 */
@Component
final class BulkUpdate {

    static final int MAX_LINES = 5_000;

    /** The header of the file the export writes and the upload reads; prices in yuan with a decimal point. */
    static final String HEADER = "sku_id,price,on_hand";

    private final Catalog catalog;
    private final Stores stores;
    private final StockLedger stock;
    private final TransactionTemplate transactions;

    BulkUpdate(Catalog catalog, Stores stores, StockLedger stock, TransactionTemplate transactions) {
        this.catalog = catalog;
        this.stores = stores;
        this.stock = stock;
        this.transactions = transactions;
    }

    record Line(int number, String text, boolean ok, String message) {
    }

    record Report(List<Line> lines, long applied, long failed) {
    }

    Report apply(Actor seller, String csv) {
        List<Line> lines = new ArrayList<>();
        String[] rows = csv.replace("\uFEFF", "").split("\\R");
        String header = rows.length == 0 ? "" : rows[0].strip().replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        boolean yuan = header.equals(HEADER) || header.startsWith(HEADER + ",");
        if (!yuan && !header.equals("sku_id,price_minor,on_hand")) {
            lines.add(new Line(1, rows.length == 0 ? "" : rows[0], false,
                    "The first line must be the header " + HEADER));
            return new Report(lines, 0, 1);
        }
        Map<Long, Product> productOfSku = productsBySku(seller);
        for (int i = 1; i < rows.length && i <= MAX_LINES; i++) {
            String text = rows[i];
            if (text.isBlank()) {
                continue;
            }
            try {
                String message = transactions.execute(status -> applyLine(seller, text, productOfSku, yuan));
                lines.add(new Line(i + 1, text, true, message == null ? "" : message));
            } catch (LineException | DomainException e) {
                lines.add(new Line(i + 1, text, false, e instanceof LineException line ? Said.of(line.text) : Said.of(e)));
            }
        }
        if (rows.length > MAX_LINES + 1) {
            lines.add(new Line(MAX_LINES + 2, "", false, Said.of(Text.of("web.bulk.onlyFirst", MAX_LINES))));
        }
        long applied = lines.stream().filter(Line::ok).count();
        return new Report(lines, applied, lines.size() - applied);
    }

    private String applyLine(Actor seller, String text, Map<Long, Product> productOfSku, boolean yuan) {
        String[] cells = Export.cells(text);
        if (yuan && cells.length >= 3) {
            cells = new String[] {cells[0], cells[1], cells[2]};
        }
        if (cells.length != 3) {
            throw new LineException(Text.of("web.bulk.columns", cells.length));
        }
        long skuId = number(cells[0], "sku_id");
        Product owner = productOfSku.get(skuId);
        String currency = owner == null ? "CNY" : owner.skus().stream().filter(s -> s.id() == skuId).findFirst()
                .map(Sku::currency).orElse("CNY");
        @Nullable Long price = cells[1].isBlank() ? null
                : yuan ? major(cells[1], currency) : number(cells[1], "price_minor");
        @Nullable Long onHand = cells[2].isBlank() ? null : number(cells[2], "on_hand");
        if (price == null && onHand == null) {
            throw new LineException(Text.of("web.bulk.nothing"));
        }
        Product product = productOfSku.get(skuId);
        if (product == null) {
            throw new LineException(Text.of("web.bulk.notYours", skuId));
        }
        if (price != null && price <= 0) {
            throw new LineException(Text.of("web.bulk.pricePositive", price));
        }
        if (onHand != null && onHand < 0) {
            throw new LineException(Text.of("web.bulk.onHandNotNegative", onHand));
        }
        List<String> done = new ArrayList<>();
        if (price != null) {
            Sku sku = product.skus().stream().filter(s -> s.id() == skuId).findFirst().orElseThrow();
            catalog.updateProduct(seller, product.id(), new ProductDraft(null, null, null, null, null,
                    List.of(new SkuDraft(skuId, null, price, sku.currency(), null, null))));
            done.add(Said.of(Text.of("web.bulk.price", yuan ? Export.major(price, sku.currency()) : String.valueOf(price))));
        }
        if (onHand != null) {
            stock.setOnHand(seller, skuId, onHand);
            done.add(Said.of(Text.of("web.bulk.onHand", onHand)));
        }
        return Said.of(Text.of("web.bulk.applied", skuId, String.join(", ", done)));
    }

    private Map<Long, Product> productsBySku(Actor seller) {
        Map<Long, Product> bySku = new HashMap<>();
        for (Store store : stores.ownedBy(seller.accountId())) {
            for (int page = 0; ; page++) {
                Catalog.Page<Product> products = catalog.storeProducts(seller, store.id(), page, 100);
                products.items().forEach(p -> p.skus().forEach(s -> bySku.put(s.id(), p)));
                if ((long) (page + 1) * 100 >= products.total()) {
                    break;
                }
            }
        }
        return bySku;
    }

    private static long major(String cell, String currency) {
        try {
            return Formats.parseMinor(cell, currency);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new LineException(Text.of("web.bulk.priceNotYuan", cell.strip()));
        }
    }

    private static long number(String cell, String column) {
        try {
            return Long.parseLong(cell.strip());
        } catch (NumberFormatException e) {
            throw new LineException(Text.of("web.bulk.notWhole", column, cell.strip()));
        }
    }

    private static final class LineException extends RuntimeException {
        private final Text text;

        LineException(Text text) {
            super(text.toString());
            this.text = text;
        }
    }
}
