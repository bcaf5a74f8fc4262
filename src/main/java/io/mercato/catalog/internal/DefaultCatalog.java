package io.mercato.catalog.internal;

import io.mercato.catalog.Brand;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductChanged;
import io.mercato.catalog.ProductDraft.SkuDraft;
import io.mercato.catalog.ProductDraft;
import io.mercato.catalog.ProductStatus;
import io.mercato.catalog.SaleableSku;
import io.mercato.catalog.Sku;
import io.mercato.catalog.SkuCreated;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class DefaultCatalog implements Catalog {

    private static final int MAX_SKUS = 200;
    private static final int MAX_IMAGES = 20;
    /** A picture uploaded to the platform's own image store ({@code media.StoredImage.URL}). */
    private static final java.util.regex.Pattern UPLOADED_IMAGE =
            java.util.regex.Pattern.compile("/media/[0-9a-f]{64}/(thumb|medium|large)\\.jpg");
    private static final long MAX_PRICE_MINOR = 100_000_000_00L;

    private final JdbcClient jdbc;
    private final Stores stores;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    DefaultCatalog(JdbcClient jdbc, Stores stores, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public Category createCategory(Actor operator, String name, @Nullable Long parentId, int commissionBasisPoints) {
        operator.require(Role.OPERATOR);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", Text.of("catalog.categoryNameMustCharacters"));
        }
        if (commissionBasisPoints < 0 || commissionBasisPoints > 5000) {
            throw new InvalidInputException("commissionBasisPoints",
                    Text.of("catalog.commissionMustBetweenBasisPoints", commissionBasisPoints));
        }
        if (parentId != null && !exists("catalog.categories", parentId)) {
            throw new InvalidInputException("parentId", Text.of("catalog.parentCategoryDoesNotExist", parentId));
        }
        long id = jdbc.sql("INSERT INTO catalog.categories (parent_id, name, commission_bp) VALUES (?, ?, ?) RETURNING id")
                .params(parentId, name.strip(), commissionBasisPoints).query(Long.class).single();
        return new Category(id, parentId, name.strip(), commissionBasisPoints, List.of());
    }

    @Override
    public List<Category> categoryTree() {
        record Row(long id, @Nullable Long parentId, String name, int commission) {
        }
        List<Row> rows = jdbc.sql("SELECT id, parent_id, name, commission_bp FROM catalog.categories ORDER BY id")
                .query((rs, n) -> new Row(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getInt(4))).list();
        Map<Long, List<Row>> byParent = rows.stream().filter(row -> row.parentId() != null)
                .collect(Collectors.groupingBy(Row::parentId, LinkedHashMap::new, Collectors.toList()));
        class Builder {
            Category build(Row row) {
                return new Category(row.id(), row.parentId(), row.name(), row.commission(),
                        byParent.getOrDefault(row.id(), List.of()).stream().map(this::build).toList());
            }
        }
        Builder builder = new Builder();
        return rows.stream().filter(row -> row.parentId() == null).map(builder::build).toList();
    }

    @Override
    @Transactional
    public Brand createBrand(Actor actor, String name) {
        actor.require(Role.SELLER, Role.OPERATOR);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", Text.of("catalog.brandNameMustCharacters"));
        }
        long id = jdbc.sql("""
                INSERT INTO catalog.brands (name) VALUES (?)
                ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id""")
                .param(name.strip()).query(Long.class).single();
        return new Brand(id, name.strip());
    }

    @Override
    public List<Brand> brands() {
        return jdbc.sql("SELECT id, name FROM catalog.brands ORDER BY name")
                .query((rs, n) -> new Brand(rs.getLong(1), rs.getString(2))).list();
    }

    @Override
    @Transactional
    public Product createProduct(Actor actor, long storeId, ProductDraft draft) {
        Store store = stores.requireManagedBy(actor, storeId);
        String title = requireText("title", draft.title(), 200);
        String description = draft.description() == null ? "" : draft.description();
        if (description.length() > 20_000) {
            throw new InvalidInputException("description", Text.of("catalog.descriptionLongerCharacters"));
        }
        long categoryId = requireCategory(draft.categoryId());
        Long brandId = optionalBrand(draft.brandId());
        List<String> images = validImages(draft.images());
        List<SkuDraft> skus = draft.skus() == null ? List.of() : draft.skus();
        if (skus.isEmpty()) {
            throw new InvalidInputException("skus", Text.of("catalog.productNeedsLeastOneSKU"));
        }
        requireNoEmptySkus(skus);
        if (skus.size() > MAX_SKUS) {
            throw new InvalidInputException("skus", Text.of("catalog.productMayHaveMostSKUs", MAX_SKUS, skus.size()));
        }
        Instant now = clock.instant();
        long productId = jdbc.sql("""
                INSERT INTO catalog.products (store_id, category_id, brand_id, title, description, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?) RETURNING id""")
                .params(storeId, categoryId, brandId, title, description, Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
        saveImages(productId, images);
        for (int i = 0; i < skus.size(); i++) {
            SkuDraft sku = skus.get(i);
            if (sku.id() != null) {
                throw new InvalidInputException("skus[" + i + "].id", Text.of("catalog.newProductSSKUsCannot"));
            }
            insertSku(productId, store, sku, i);
        }
        events.publishEvent(new ProductChanged(productId, storeId, ProductStatus.DRAFT));
        return load(productId);
    }

    @Override
    @Transactional
    public Product updateProduct(Actor actor, long productId, ProductDraft draft) {
        Product product = load(productId);
        Store store = stores.requireManagedBy(actor, product.storeId());
        lock(productId);
        String title = draft.title() == null ? product.title() : requireText("title", draft.title(), 200);
        String description = draft.description() == null ? product.description() : draft.description();
        if (description.length() > 20_000) {
            throw new InvalidInputException("description", Text.of("catalog.descriptionLongerCharacters"));
        }
        long categoryId = draft.categoryId() == null ? product.categoryId() : requireCategory(draft.categoryId());
        Long brandId = draft.brandId() == null ? product.brandId() : optionalBrand(draft.brandId());
        jdbc.sql("UPDATE catalog.products SET title = ?, description = ?, category_id = ?, brand_id = ?, updated_at = ? WHERE id = ?")
                .params(title, description, categoryId, brandId, Timestamp.from(clock.instant()), productId).update();
        if (draft.images() != null) {
            List<String> images = validImages(draft.images());
            jdbc.sql("DELETE FROM catalog.product_images WHERE product_id = ?").param(productId).update();
            saveImages(productId, images);
        }
        if (draft.skus() != null) {
            requireNoEmptySkus(draft.skus());
            Map<Long, Sku> existing = product.skus().stream().collect(Collectors.toMap(Sku::id, sku -> sku));
            if (existing.size() + draft.skus().stream().filter(sku -> sku.id() == null).count() > MAX_SKUS) {
                throw new InvalidInputException("skus", Text.of("catalog.productMayHaveMostSKUs2", MAX_SKUS));
            }
            for (int i = 0; i < draft.skus().size(); i++) {
                SkuDraft sku = draft.skus().get(i);
                if (sku.id() == null) {
                    insertSku(productId, store, sku, i);
                } else {
                    Sku current = existing.get(sku.id());
                    if (current == null) {
                        throw new InvalidInputException("skus[" + i + "].id",
                                Text.of("catalog.skuNotSKUProduct", sku.id(), productId));
                    }
                    updateSku(current, store, sku, i);
                }
            }
        }
        events.publishEvent(new ProductChanged(productId, product.storeId(), product.status()));
        return load(productId);
    }

    @Override
    @Transactional
    public Product list(Actor actor, long productId) {
        Product product = load(productId);
        Store store = stores.requireManagedBy(actor, product.storeId());
        if (!store.canSell()) {
            throw new ConflictException(Text.of("catalog.storeTmallStoreSProducts", store.id(), store.status()));
        }
        return changeStatus(product, ProductStatus.LISTED);
    }

    @Override
    @Transactional
    public Product delist(Actor actor, long productId) {
        Product product = load(productId);
        stores.requireManagedBy(actor, product.storeId());
        return changeStatus(product, ProductStatus.DELISTED);
    }

    private Product changeStatus(Product product, ProductStatus status) {
        if (product.status() == status) {
            return product;
        }
        jdbc.sql("UPDATE catalog.products SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), Timestamp.from(clock.instant()), product.id()).update();
        events.publishEvent(new ProductChanged(product.id(), product.storeId(), status));
        return load(product.id());
    }

    @Override
    public Product product(long productId, @Nullable Actor viewer) {
        Product product = load(productId);
        if (product.status() != ProductStatus.LISTED) {
            boolean mayView = viewer != null && (viewer.is(Role.OPERATOR)
                    || stores.get(product.storeId()).ownerAccountId() == viewer.accountId());
            if (!mayView) {
                throw new NotFoundException(Text.of("catalog.productNotSale", productId));
            }
        }
        return product;
    }

    @Override
    public Page<Product> browse(@Nullable Long categoryId, @Nullable Long storeId, Sort sort, int page, int size) {
        checkPage(page, size);
        String where = "p.status = 'LISTED'"
                + (categoryId == null ? "" : " AND p.category_id IN (" + SUBTREE + ")")
                + (storeId == null ? "" : " AND p.store_id = :store");
        Map<String, Object> params = new HashMap<>();
        if (categoryId != null) {
            params.put("category", categoryId);
        }
        if (storeId != null) {
            params.put("store", storeId);
        }
        String order = switch (sort) {
            case NEWEST -> "p.id DESC";
            case PRICE_ASC -> "(SELECT min(s.price_minor) FROM catalog.skus s WHERE s.product_id = p.id) ASC, p.id DESC";
            case PRICE_DESC -> "(SELECT min(s.price_minor) FROM catalog.skus s WHERE s.product_id = p.id) DESC, p.id DESC";
        };
        return page(where, params, order, page, size);
    }

    private static final String SUBTREE = """
            WITH RECURSIVE tree(id) AS (SELECT CAST(:category AS BIGINT)
              UNION ALL SELECT c.id FROM catalog.categories c JOIN tree t ON c.parent_id = t.id)
            SELECT id FROM tree""";

    @Override
    public List<Product> products(List<Long> productIds) {
        return loadAll(productIds);
    }

    @Override
    public List<Product> listedAfter(long afterId, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("limit", Text.of("catalog.limitMustBetweenGot", limit));
        }
        return loadAll(jdbc.sql("SELECT id FROM catalog.products WHERE status = 'LISTED' AND id > ? ORDER BY id LIMIT ?")
                .params(afterId, limit).query(Long.class).list());
    }

    @Override
    public Page<Product> storeProducts(Actor actor, long storeId, int page, int size) {
        stores.requireManagedBy(actor, storeId);
        checkPage(page, size);
        return page("p.store_id = :store", Map.of("store", storeId), "p.id DESC", page, size);
    }

    @Override
    public Page<Product> allProducts(Actor operator, @Nullable String text, @Nullable ProductStatus status,
            @Nullable Long storeId, int page, int size) {
        operator.require(Role.OPERATOR);
        checkPage(page, size);
        return filteredPage(storeId, text, status, page, size);
    }

    @Override
    public Page<Product> storeProducts(Actor actor, long storeId, @Nullable String text,
            @Nullable ProductStatus status, int page, int size) {
        stores.requireManagedBy(actor, storeId);
        checkPage(page, size);
        return filteredPage(storeId, text, status, page, size);
    }

    private Page<Product> filteredPage(@Nullable Long storeId, @Nullable String text, @Nullable ProductStatus status,
            int page, int size) {
        Map<String, Object> params = new java.util.HashMap<>();
        StringBuilder where = new StringBuilder("TRUE");
        if (storeId != null) {
            where.append(" AND p.store_id = :store");
            params.put("store", storeId);
        }
        if (status != null) {
            where.append(" AND p.status = :status");
            params.put("status", status.name());
        }
        String wanted = text == null ? "" : text.strip();
        if (!wanted.isEmpty()) {
            where.append(" AND (p.title ILIKE :pattern");
            params.put("pattern", "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            if (wanted.matches("[0-9]{1,18}")) {
                where.append(" OR p.id = :number OR EXISTS (SELECT 1 FROM catalog.skus s WHERE s.product_id = p.id"
                        + " AND s.id = :number)");
                params.put("number", Long.parseLong(wanted));
            }
            where.append(")");
        }
        return page(where.toString(), params, "p.id DESC", page, size);
    }

    private Page<Product> page(String where, Map<String, Object> params, String order, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM catalog.products p WHERE " + where).params(params)
                .query(Long.class).single();
        List<Long> ids = jdbc.sql("SELECT p.id FROM catalog.products p WHERE " + where
                        + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(Long.class).list();
        return new Page<>(loadAll(ids), page, size, total);
    }

    @Override
    public SaleableSku saleable(long skuId) {
        record Row(long productId, long storeId, String title, String status, String attributes, long price,
                String currency, long categoryId, int commission) {
        }
        Row row = jdbc.sql("""
                SELECT s.product_id, p.store_id, p.title, p.status, s.attributes::text, s.price_minor, s.currency,
                       p.category_id, c.commission_bp
                FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id
                JOIN catalog.categories c ON c.id = p.category_id WHERE s.id = ?""")
                .param(skuId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getInt(9)))
                .optional().orElseThrow(() -> new NotFoundException(Text.of("catalog.skuDoesNotExist", skuId)));
        if (!ProductStatus.LISTED.name().equals(row.status())) {
            throw new ConflictException(Text.of("catalog.skuNotSaleProduct", skuId, row.productId(), row.status()));
        }
        Store store = stores.get(row.storeId());
        if (!store.canSell()) {
            throw new ConflictException(Text.of("catalog.skuNotSaleStore", skuId, store.id(), store.status()));
        }
        return new SaleableSku(skuId, row.productId(), row.storeId(), store.ownerAccountId(), store.kind(), row.title(),
                attributes(row.attributes()), Money.of(row.price(), row.currency()), row.categoryId(), row.commission());
    }

    @Override
    public java.util.Set<Long> listedSkus(java.util.Collection<Long> skuIds) {
        if (skuIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT s.id FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id
                WHERE s.id = ANY(?) AND p.status = 'LISTED'""")
                .param(skuIds.toArray(Long[]::new)).query(Long.class).list());
    }

    @Override
    public java.util.Map<Long, io.mercato.catalog.SkuPrice> skuPrices(java.util.Collection<Long> skuIds) {
        if (skuIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, io.mercato.catalog.SkuPrice> prices = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT s.id, s.product_id, p.store_id, s.price_minor, s.currency, p.status = 'LISTED'
                FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id WHERE s.id = ANY(?)""")
                .param(skuIds.toArray(Long[]::new))
                .query((rs, n) -> new io.mercato.catalog.SkuPrice(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Money.of(rs.getLong(4), rs.getString(5)), rs.getBoolean(6)))
                .list().forEach(price -> prices.put(price.skuId(), price));
        return prices;
    }

    @Override
    public long requireSkuManagedBy(Actor actor, long skuId) {
        long storeId = jdbc.sql("SELECT p.store_id FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id WHERE s.id = ?")
                .param(skuId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("catalog.skuDoesNotExist", skuId)));
        stores.requireManagedBy(actor, storeId);
        return storeId;
    }

    private void insertSku(long productId, Store store, SkuDraft sku, int index) {
        String field = "skus[" + index + "]";
        long price = validPrice(field, sku.priceMinor());
        String currency = sku.currency() == null ? store.currency() : sku.currency();
        Currencies.parse(currency);
        if (!currency.equals(store.currency())) {
            throw new InvalidInputException(field + ".currency", Text.of("catalog.storeSellsNot", store.id(), store.currency(), currency));
        }
        long initialStock = sku.initialStock() == null ? 0 : sku.initialStock();
        if (initialStock < 0 || initialStock > 10_000_000) {
            throw new InvalidInputException(field + ".initialStock",
                    Text.of("catalog.initialStockMustBetweenGot", initialStock));
        }
        long skuId = jdbc.sql("""
                INSERT INTO catalog.skus (product_id, attributes, price_minor, currency, barcode)
                VALUES (?, CAST(? AS jsonb), ?, ?, ?) RETURNING id""")
                .params(productId, attributesJson(field, sku.attributes()), price, currency, validBarcode(field, sku.barcode()))
                .query(Long.class).single();
        events.publishEvent(new SkuCreated(skuId, productId, store.id(), initialStock));
    }

    private void updateSku(Sku current, Store store, SkuDraft sku, int index) {
        String field = "skus[" + index + "]";
        long price = sku.priceMinor() == null ? current.price().minor() : validPrice(field, sku.priceMinor());
        if (sku.currency() != null && !sku.currency().equals(store.currency())) {
            throw new InvalidInputException(field + ".currency", Text.of("catalog.storeSellsNot", store.id(), store.currency(), sku.currency()));
        }
        String attributes = attributesJson(field, sku.attributes() == null ? current.attributes() : sku.attributes());
        String barcode = sku.barcode() == null ? current.barcode() : validBarcode(field, sku.barcode());
        jdbc.sql("UPDATE catalog.skus SET attributes = CAST(? AS jsonb), price_minor = ?, barcode = ? WHERE id = ?")
                .params(attributes, price, barcode, current.id()).update();
    }

    private static void requireNoEmptySkus(List<SkuDraft> skus) {
        for (int i = 0; i < skus.size(); i++) {
            if (skus.get(i) == null) {
                throw new InvalidInputException("skus[" + i + "]", Text.of("catalog.skusEmptyGiveLeastPrice", i));
            }
        }
    }

    private static long validPrice(String field, @Nullable Long price) {
        if (price == null) {
            throw new InvalidInputException(field + ".priceMinor", Text.of("catalog.priceMinorUnitsRequired"));
        }
        if (price <= 0 || price > MAX_PRICE_MINOR) {
            throw new InvalidInputException(field + ".priceMinor",
                    Text.of("catalog.priceMustBetweenMinorUnits", MAX_PRICE_MINOR, price));
        }
        return price;
    }

    private static @Nullable String validBarcode(String field, @Nullable String barcode) {
        if (barcode != null && !barcode.matches("[0-9A-Za-z-]{4,32}")) {
            throw new InvalidInputException(field + ".barcode", Text.of("catalog.barcodeMustLettersDigits", barcode));
        }
        return barcode;
    }

    private String attributesJson(String field, @Nullable Map<String, String> attributes) {
        Map<String, String> sorted = new TreeMap<>(attributes == null ? Map.of() : attributes);
        if (sorted.size() > 10) {
            throw new InvalidInputException(field + ".attributes", Text.of("catalog.mostAttributesPerSKU"));
        }
        for (var entry : sorted.entrySet()) {
            if (entry.getKey().isBlank() || entry.getKey().length() > 40 || entry.getValue() == null
                    || entry.getValue().isBlank() || entry.getValue().length() > 100) {
                throw new InvalidInputException(field + ".attributes",
                        Text.of("catalog.attributeNeedsNameValueCharacters", entry.getKey()));
            }
        }
        return json.writeValueAsString(sorted);
    }

    private Map<String, String> attributes(String stored) {
        return json.readValue(stored, new TypeReference<TreeMap<String, String>>() {
        });
    }

    private static String requireText(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new InvalidInputException(field, Text.of("catalog.mustCharacters", field, max));
        }
        return value.strip();
    }

    private long requireCategory(@Nullable Long categoryId) {
        if (categoryId == null) {
            throw new InvalidInputException("categoryId", Text.of("catalog.categoryRequired"));
        }
        if (!exists("catalog.categories", categoryId)) {
            throw new InvalidInputException("categoryId", Text.of("catalog.categoryDoesNotExist", categoryId));
        }
        return categoryId;
    }

    private @Nullable Long optionalBrand(@Nullable Long brandId) {
        if (brandId != null && !exists("catalog.brands", brandId)) {
            throw new InvalidInputException("brandId", Text.of("catalog.brandDoesNotExist", brandId));
        }
        return brandId;
    }

    private static List<String> validImages(@Nullable List<String> images) {
        List<String> list = images == null ? List.of() : images;
        if (list.size() > MAX_IMAGES) {
            throw new InvalidInputException("images", Text.of("catalog.mostImagesGot", MAX_IMAGES, list.size()));
        }
        for (int i = 0; i < list.size(); i++) {
            String url = list.get(i);
            boolean valid;
            try {
                URI uri = URI.create(Objects.requireNonNullElse(url, ""));
                valid = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                        || UPLOADED_IMAGE.matcher(Objects.requireNonNullElse(url, "")).matches();
            } catch (IllegalArgumentException e) {
                valid = false;
            }
            if (!valid || url.length() > 2000) {
                throw new InvalidInputException("images[" + i + "]", Text.of("catalog.imageNotHttpSURL", url));
            }
        }
        return list;
    }

    private void saveImages(long productId, List<String> images) {
        for (int i = 0; i < images.size(); i++) {
            jdbc.sql("INSERT INTO catalog.product_images (product_id, position, url) VALUES (?, ?, ?)")
                    .params(productId, i, images.get(i)).update();
        }
    }

    private boolean exists(String table, long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = ?)").param(id).query(Boolean.class).single();
    }

    private void lock(long productId) {
        jdbc.sql("SELECT id FROM catalog.products WHERE id = ? FOR UPDATE").param(productId).query(Long.class).single();
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || page > 100_000) {
            throw new InvalidInputException("page", Text.of("catalog.pageMustBetweenGot", page));
        }
        if (size < 1 || size > 100) {
            throw new InvalidInputException("size", Text.of("catalog.pageSizeMustBetweenGot", size));
        }
    }

    private Product load(long productId) {
        List<Product> products = loadAll(List.of(productId));
        if (products.isEmpty()) {
            throw new NotFoundException(Text.of("catalog.productDoesNotExist", productId));
        }
        return products.getFirst();
    }

    private List<Product> loadAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] idArray = ids.toArray(Long[]::new);
        Map<Long, List<String>> images = new HashMap<>();
        jdbc.sql("SELECT product_id, url FROM catalog.product_images WHERE product_id = ANY(?) ORDER BY product_id, position")
                .param(idArray).query((RowCallbackHandler) rs -> {
                    images.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, List<Sku>> skus = new HashMap<>();
        jdbc.sql("SELECT id, product_id, attributes::text, price_minor, currency, barcode FROM catalog.skus WHERE product_id = ANY(?) ORDER BY id")
                .param(idArray).query((RowCallbackHandler) rs -> {
                    // The currency was checked on the way in; one no longer traded must still read back.
                    Money price = new Money(rs.getLong(4), Currency.getInstance(rs.getString(5)));
                    skus.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Sku(rs.getLong(1),
                            rs.getLong(2), attributes(rs.getString(3)), price, rs.getString(6)));
                });
        Map<Long, Product> byId = new HashMap<>();
        jdbc.sql("""
                SELECT id, store_id, category_id, brand_id, title, description, status, created_at, updated_at
                FROM catalog.products WHERE id = ANY(?)""")
                .param(idArray).query((RowCallbackHandler) rs -> {
                    long id = rs.getLong(1);
                    byId.put(id, new Product(id, rs.getLong(2), rs.getLong(3), (Long) rs.getObject(4),
                            rs.getString(5), rs.getString(6), ProductStatus.valueOf(rs.getString(7)),
                            images.getOrDefault(id, List.of()), skus.getOrDefault(id, List.of()),
                            rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant()));
                });
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

}
