package io.mercato.web.seller;

import io.mercato.catalog.Product;
import io.mercato.catalog.ProductDraft.SkuDraft;
import io.mercato.catalog.ProductDraft;
import io.mercato.catalog.Sku;
import io.mercato.inventory.Stock;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.web.common.Formats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The product editor's form: text fields as typed, SKU rows with attributes written {@code colour: red, size: M},
 * prices in major units and stock as whole units. Blank SKU rows are ignored.
 */
final class ProductForm {

    private String title = "";
    private String description = "";
    private @Nullable Long categoryId;
    private String images = "";
    private List<Row> rows = new ArrayList<>();

    static ProductForm empty() {
        ProductForm form = new ProductForm();
        for (int i = 0; i < 3; i++) {
            form.rows.add(new Row());
        }
        return form;
    }

    static ProductForm of(Product product, Map<Long, Stock> levels, Formats formats) {
        ProductForm form = new ProductForm();
        form.title = product.title();
        form.description = product.description();
        form.categoryId = product.categoryId();
        form.images = String.join("\n", product.images());
        for (Sku sku : product.skus()) {
            Row row = new Row();
            row.setId(sku.id());
            row.setAttributes(sku.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
            row.setPrice(formats.plain(sku.priceMinor(), sku.currency()));
            Stock stock = levels.get(sku.id());
            row.setStock(stock == null ? "0" : String.valueOf(stock.onHand()));
            row.setReserved(stock == null ? 0 : stock.reserved());
            form.rows.add(row);
        }
        form.rows.add(new Row());
        return form;
    }

    ProductDraft toDraft(String currency, boolean creating) {
        List<SkuDraft> skus = new ArrayList<>();
        int line = 0;
        for (Row row : rows) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            long price;
            try {
                price = Formats.parseMinor(row.getPrice() == null ? "" : row.getPrice(), currency);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new InvalidInputException("skus[" + line + "].price",
                        Text.of("web.skuRowPriceNotAmount", line, row.getPrice()));
            }
            Long initial = null;
            if (row.getId() == null) {
                initial = row.getStock() == null || row.getStock().isBlank() ? 0L : parseCount(row.getStock());
            }
            skus.add(new SkuDraft(row.getId(), attributes(row.getAttributes(), line), price, currency, null, initial));
        }
        List<String> imageList = Arrays.stream(images.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new ProductDraft(title, description, categoryId, null, imageList, skus.isEmpty() && !creating ? null : skus);
    }

    static long parseCount(String text) {
        try {
            long count = Long.parseLong(text.strip());
            if (count < 0) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("stock", Text.of("web.stockNotWholeNumberUnits", text));
        }
    }

    static Map<String, String> attributes(@Nullable String text, int line) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return attributes;
        }
        for (String pair : text.split("[,;，；]")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("[:=：]", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new InvalidInputException("skus[" + line + "].attributes", Text.of("web.skuRowWriteAttributesColour", line, pair.strip()));
            }
            attributes.put(parts[0].strip(), parts[1].strip());
        }
        return attributes;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public @Nullable Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(@Nullable Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getImages() {
        return images;
    }

    public void setImages(String images) {
        this.images = images;
    }

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows;
    }

    List<Row> rows() {
        return rows;
    }

    /** One SKU line of the editor. */
    static final class Row {
        private @Nullable Long id;
        private @Nullable String attributes;
        private @Nullable String price;
        private @Nullable String stock;
        private long reserved;

        boolean isBlank() {
            return id == null && (attributes == null || attributes.isBlank()) && (price == null || price.isBlank());
        }

        public @Nullable Long getId() {
            return id;
        }

        public void setId(@Nullable Long id) {
            this.id = id;
        }

        @Nullable Long id() {
            return id;
        }

        public @Nullable String getAttributes() {
            return attributes;
        }

        public void setAttributes(@Nullable String attributes) {
            this.attributes = attributes;
        }

        public @Nullable String getPrice() {
            return price;
        }

        public void setPrice(@Nullable String price) {
            this.price = price;
        }

        public @Nullable String getStock() {
            return stock;
        }

        @Nullable String stock() {
            return stock;
        }

        public void setStock(@Nullable String stock) {
            this.stock = stock;
        }

        public long getReserved() {
            return reserved;
        }

        public void setReserved(long reserved) {
            this.reserved = reserved;
        }
    }
}
