package io.mercato.web.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.catalog.Product;
import io.mercato.catalog.ProductStatus;
import io.mercato.catalog.Sku;
import io.mercato.inventory.Stock;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuyBoxTest {

    private final Product shirt = new Product(1, 2, 3, null, "shirt", "", ProductStatus.LISTED, List.of(),
            List.of(sku(11, "red"), sku(12, "blue"), sku(13, "green")), Instant.EPOCH, Instant.EPOCH);

    @Test
    void theBuyersPickIsShownEvenWhenSoldOut() {
        BuyBox box = BuyBox.of(shirt, Map.of(11L, new Stock(11, 5, 5), 12L, new Stock(12, 3, 1)), 11L);

        assertThat(box.selected().id()).isEqualTo(11);
        assertThat(box.available()).isZero();
        assertThat(box.levels()).containsOnly(Map.entry(11L, 0L), Map.entry(12L, 2L));
    }

    @Test
    void withoutAPickTheFirstSkuThatCanBeBoughtIsShown() {
        BuyBox box = BuyBox.of(shirt, Map.of(11L, new Stock(11, 5, 5), 12L, new Stock(12, 3, 1)), null);

        assertThat(box.selected().id()).isEqualTo(12);
        assertThat(box.available()).isEqualTo(2);
    }

    @Test
    void whenNothingCanBeBoughtTheFirstSkuIsShownWithNoneAvailable() {
        BuyBox box = BuyBox.of(shirt, Map.of(), 99L);

        assertThat(box.selected().id()).isEqualTo(11);
        assertThat(box.available()).isZero();
    }

    @Test
    void eachAxisListsEachValueOnce() {
        Product sized = new Product(1, 2, 3, null, "shirt", "", ProductStatus.LISTED, List.of(),
                List.of(sku(11, Map.of("size", "M")), sku(12, Map.of("size", "L")), sku(13, Map.of("size", "M"))),
                Instant.EPOCH, Instant.EPOCH);

        assertThat(BuyBox.axes(sized)).containsExactly(Map.entry("size", List.of("M", "L")));
    }

    private static Sku sku(long id, String colour) {
        return sku(id, Map.of("colour", colour));
    }

    private static Sku sku(long id, Map<String, String> attributes) {
        return new Sku(id, 1, attributes, Money.of(1_000, "CNY"), null);
    }
}
