package io.mercato.catalog;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

public record Product(long id, long storeId, long categoryId, @Nullable Long brandId, String title,
        String description, ProductStatus status, List<String> images, List<Sku> skus, Instant createdAt,
        Instant updatedAt) {

    public Product {
        images = List.copyOf(images);
        skus = List.copyOf(skus);
    }
}
