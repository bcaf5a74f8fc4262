package io.mercato.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/** The index's fields and how a product becomes one document. */
final class ProductDocuments {

    /** Bump when fields or analysis change: an index written with another version is rebuilt at start. */
    static final String SCHEMA_VERSION = "4";

    static final String ID = "id";
    static final String ID_SORT = "id_sort";
    static final String SKU = "sku";
    /**
     * Title (twice, so that title words weigh more than category names), brand, category names and attribute
     * values: every query word must occur here.
     */
    static final String TEXT = "text";
    /** The analysis name used for titles when highlighting. */
    static final String TITLE = "title";
    static final String CATEGORY = "category";
    static final String BRAND = "brand";
    static final String KIND = "kind";
    static final String ATTRIBUTE = "attr";
    static final String IN_STOCK = "in_stock";
    static final String PRICE = "price";
    static final String SALES = "sales";
    static final String CREATED = "created";
    /** Rank features (units sold, availability) that the relevance blend adds to the text score. */
    static final String FEATURES = "features";
    static final String SALES_FEATURE = "sales";
    static final String IN_STOCK_FEATURE = "in_stock";
    /** One doc-values field for every facet value, prefixed by dimension: c:12, b:7, k:TMALL, a:colour=red. */
    static final String FACET = "facet";
    static final String STORE_ID = "store_id";
    static final String STORE = "store";
    static final String CATEGORY_ID = "category_id";
    static final String BRAND_ID = "brand_id";
    static final String KIND_ORDINAL = "kind_ordinal";
    /**
     * What a hit shows (title, brand name, currency, image), as binary doc values: they are compressed in small
     * blocks, so reading 20 hits costs far less than stored fields, whose large blocks are decompressed per hit.
     */
    static final String DISPLAY = "display";
    static final char SEPARATOR = '\u001f';

    private ProductDocuments() {
    }

    static Term idTerm(long productId) {
        return new Term(ID, Long.toString(productId));
    }

    static String attributeValue(String name, String value) {
        return name + "=" + value;
    }

    static Document document(IndexedProduct product) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(product.id()), Store.YES));
        doc.add(new NumericDocValuesField(ID_SORT, product.id()));
        for (long sku : product.skuIds()) {
            doc.add(new StringField(SKU, Long.toString(sku), Store.NO));
        }
        List<String> text = new ArrayList<>();
        text.add(product.title());
        text.add(product.title());
        if (product.brand() != null) {
            text.add(product.brand());
        }
        text.addAll(product.categoryNames());
        product.attributes().values().forEach(text::addAll);
        doc.add(new TextField(TEXT, String.join(" \n ", text), Store.NO));
        doc.add(new BinaryDocValuesField(DISPLAY, new BytesRef(product.title() + SEPARATOR
                + (product.brand() == null ? "" : product.brand()) + SEPARATOR + product.currency() + SEPARATOR
                + (product.image() == null ? "" : product.image()))));
        for (long category : product.categoryPath()) {
            doc.add(new StringField(CATEGORY, Long.toString(category), Store.NO));
            facet(doc, "c:" + category);
        }
        doc.add(new NumericDocValuesField(CATEGORY_ID, product.categoryId()));
        if (product.brandId() != null) {
            doc.add(new StringField(BRAND, Long.toString(product.brandId()), Store.NO));
            doc.add(new NumericDocValuesField(BRAND_ID, product.brandId()));
            facet(doc, "b:" + product.brandId());
        }
        doc.add(new StringField(KIND, product.storeKind().name(), Store.NO));
        doc.add(new NumericDocValuesField(KIND_ORDINAL, product.storeKind().ordinal()));
        facet(doc, "k:" + product.storeKind().name());
        for (Map.Entry<String, Set<String>> attribute : product.attributes().entrySet()) {
            for (String value : attribute.getValue()) {
                String pair = attributeValue(attribute.getKey(), value);
                doc.add(new StringField(ATTRIBUTE, pair, Store.NO));
                facet(doc, "a:" + pair);
            }
        }
        doc.add(new StringField(IN_STOCK, product.inStock() ? "1" : "0", Store.NO));
        doc.add(new NumericDocValuesField(IN_STOCK, product.inStock() ? 1 : 0));
        doc.add(new LongPoint(PRICE, product.priceMinor()));
        doc.add(new NumericDocValuesField(PRICE, product.priceMinor()));
        doc.add(new NumericDocValuesField(SALES, product.sales()));
        doc.add(new FeatureField(FEATURES, SALES_FEATURE, 1 + Math.min(product.sales(), 1_000_000_000L)));
        if (product.inStock()) {
            doc.add(new FeatureField(FEATURES, IN_STOCK_FEATURE, 1));
        }
        doc.add(new NumericDocValuesField(CREATED, product.createdAtMillis()));
        doc.add(new NumericDocValuesField(STORE_ID, product.storeId()));
        doc.add(new StringField(STORE, Long.toString(product.storeId()), Store.NO));
        return doc;
    }

    private static void facet(Document doc, String value) {
        doc.add(new SortedSetDocValuesField(FACET, new BytesRef(value)));
    }
}
