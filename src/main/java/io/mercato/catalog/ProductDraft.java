package io.mercato.catalog;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a seller writes when creating or editing a product. On edit, a SKU with an id changes that SKU and
 * one without adds a new SKU.
 */
public record ProductDraft(@Nullable String title, @Nullable String description, @Nullable Long categoryId,
        @Nullable Long brandId, @Nullable List<String> images, @Nullable List<SkuDraft> skus) {

    /** @param initialStock units on hand when the SKU is created; ignored on edits */
    public record SkuDraft(@Nullable Long id, @Nullable Map<String, String> attributes, @Nullable Long priceMinor,
            @Nullable String currency, @Nullable String barcode, @Nullable Long initialStock) {
    }
}
