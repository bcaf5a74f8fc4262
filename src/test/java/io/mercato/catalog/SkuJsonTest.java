package io.mercato.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.ApiJson;
import io.mercato.platform.Money;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A SKU carries its price as {@link Money}; its JSON keeps the API's {@code priceMinor} and {@code currency}. */
class SkuJsonTest {

    @Test
    void aSkuShowsItsPriceAsMinorUnitsAndCurrencyBeforeItsBarcode() {
        Sku sku = new Sku(2, 1, Map.of("colour", "red"), Money.of(12_345, "CNY"), "ABC-1234");

        assertThat(ApiJson.write(sku)).isEqualTo("""
                {"id":2,"productId":1,"attributes":{"colour":"red"},"priceMinor":12345,"currency":"CNY",\
                "barcode":"ABC-1234"}""");
    }

    @Test
    void aSkuWithoutBarcodeLeavesItOut() {
        Sku sku = new Sku(1, 1, Map.of(), Money.of(10_000, "CNY"), null);

        assertThat(ApiJson.write(sku)).isEqualTo("""
                {"id":1,"productId":1,"attributes":{},"priceMinor":10000,"currency":"CNY"}""");
    }
}
