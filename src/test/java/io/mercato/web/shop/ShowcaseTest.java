package io.mercato.web.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.catalog.Product;
import io.mercato.catalog.ProductStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ShowcaseTest {

    @Test
    void fewCategoriesAreToppedUpWithTheNewestProductsNotAlreadyShown() {
        List<Product> featured = Showcase.pick(products(50, 51), products(60, 51, 59, 58, 57, 56, 55, 54, 53, 52, 49, 48));

        assertThat(featured).extracting(Product::id).containsExactly(50L, 51L, 60L, 59L, 58L, 57L, 56L, 55L, 54L, 53L,
                52L, 49L);
    }

    @Test
    void manyCategoriesShowOneProductEachUpToTwentyFour() {
        List<Product> featured = Showcase.pick(products(LongStream.rangeClosed(1, 30).toArray()), products(99));

        assertThat(featured).hasSize(Showcase.AT_MOST).extracting(Product::id).doesNotContain(99L, 25L);
    }

    private static List<Product> products(long... ids) {
        return LongStream.of(ids).mapToObj(id -> new Product(id, 1, 1, null, "p" + id, "", ProductStatus.LISTED,
                List.of(), List.of(), Instant.EPOCH, Instant.EPOCH)).toList();
    }
}
