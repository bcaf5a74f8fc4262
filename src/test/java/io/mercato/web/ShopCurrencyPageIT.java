package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import io.mercato.tax.CrossBorderTax;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The shop in the buyer's currency, in a real browser: a buyer who picks euros in the header sees the product's price,
 * the cart and the amount to pay converted with the rate and its day, still paying in yuan; a parcel to Germany shows
 * its IOSS VAT and the VAT-inclusive amount on the payment and order pages; a buyer whose default address is in the
 * EU sees goods VAT-inclusive while browsing; both languages, a phone's width.
 */
@MercatoTest
class ShopCurrencyPageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Autowired
    MutableClock clock;

    private void ratesAndVat() throws Exception {
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        StringBuilder csv = new StringBuilder("date,currency,rate\n");
        for (int back = 10; back >= 0; back--) {
            csv.append(today.minusDays(back)).append(",EUR,8\n");
        }
        Api operator = market.operator();
        HttpResponse<String> loaded = HTTP.send(HttpRequest.newBuilder(operator.uri("/api/v1/operator/fx/rates"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + operator.token())
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
        List<Map<String, Object>> rates = new ArrayList<>();
        for (String country : CrossBorderTax.EU.stream().sorted().toList()) {
            rates.add(Map.of("country", country, "basisPoints", country.equals("DE") ? 1900 : 2000));
        }
        assertThat(operator.create("/api/v1/operator/tax/vat-tables", Map.of("effectiveFrom", today.toString(),
                "rates", rates)).status()).isIn(201, 400);
    }

    @Test
    void aBuyerWhoseDefaultAddressIsInTheEuSeesGoodsVatInclusiveWhileBrowsing() throws Exception {
        ratesAndVat();
        var seller = market.signUpSeller("vat-browse-seller", "GLOBAL");
        JsonNode product = market.listedProduct(seller.store(), market.category(0),
                List.of(new io.mercato.MarketFixture.SkuSpec(Map.of("colour", "blue"), 10_000, 10)));
        long productId = product.get("id").asLong();
        var buyer = market.signUpBuyer("vat-browse-buyer", 100_000);
        market.logIn(buyer);

        browser.open("/p/" + productId + "?lang=en");
        assertThat(browser.all("#vat-note")).as("no address yet: no VAT shown").isEmpty();
        assertThat(browser.text("#price")).doesNotContain("VAT");

        Api.Response paris = buyer.api().create("/api/v1/addresses", Map.of("recipient", "Jeanne Martin",
                "phone", "+33 1 23 45 67 89", "country", "FR", "city", "Paris", "detail", "1 rue de Rivoli",
                "postalCode", "75001"));
        assertThat(paris.status()).as("%s", paris).isEqualTo(201);
        browser.open("/p/" + productId);
        assertThat(browser.text("#price")).as("France's 20%% on ¥100.00").contains("¥100.00").contains("¥120.00 incl. VAT");
        assertThat(browser.text("#vat-note")).contains("France").contains("20% VAT");

        new Select(browser.find("#display-currency")).selectByValue("EUR");
        browser.clickAndWait("#choose-currency");
        assertThat(browser.text("#price")).as("¥120.00 at 0.125").contains("≈ €15.00 incl. VAT");
        browser.open("/search?q=" + java.net.URLEncoder.encode(product.get("title").asString(),
                java.nio.charset.StandardCharsets.UTF_8) + "&lang=zh-CN");
        assertThat(browser.text("main")).contains("含增值税约 €15.00");
        browser.open("/p/" + productId);
        assertThat(browser.text("#vat-note")).contains("法国").contains("20% 增值税");

        Api.Response home = buyer.api().create("/api/v1/addresses", io.mercato.addressbook.AddressBookIT.hangzhou());
        assertThat(home.status()).as("%s", home).isEqualTo(201);
        assertThat(buyer.api().post("/api/v1/addresses/" + home.json().get("id").asLong() + "/default", null).status())
                .isEqualTo(200);
        browser.open("/p/" + productId + "?lang=en");
        assertThat(browser.all("#vat-note")).as("a default address in China: no EU VAT").isEmpty();
        assertThat(browser.text("#price")).contains("≈ €12.50").doesNotContain("VAT");
    }

    @Test
    void aBuyerShowingEurosSeesConvertedPricesAndTheVatOfAParcelToGermany() throws Exception {
        ratesAndVat();
        var seller = market.signUpSeller("currency-page-seller", "GLOBAL");
        JsonNode product = market.listedProduct(seller.store(), market.category(0),
                List.of(new io.mercato.MarketFixture.SkuSpec(Map.of("colour", "red"), 10_000, 10)));
        long productId = product.get("id").asLong();
        long sku = product.get("skus").get(0).get("id").asLong();
        var buyer = market.signUpBuyer("currency-page-buyer", 100_000);
        market.logIn(buyer);

        browser.open("/p/" + productId + "?lang=en");
        assertThat(browser.all(".local-price")).as("no second currency until the buyer picks one").isEmpty();
        new Select(browser.find("#display-currency")).selectByValue("EUR");
        browser.clickAndWait("#choose-currency");
        assertThat(browser.path()).startsWith("/p/" + productId);
        assertThat(browser.text("#price")).contains("¥100.00").contains("≈ €12.50");
        assertThat(browser.text("#local-rate")).contains("1 CNY = 0.125 EUR").contains("you pay in CNY");

        assertThat(buyer.api().put("/api/v1/cart/items/" + sku, Map.of("quantity", 2)).status()).isEqualTo(200);
        browser.open("/cart");
        assertThat(browser.text(".checkout-bar")).contains("¥200.00").contains("≈ €25.00");

        Api.Response placed = buyer.api().create("/api/v1/checkouts", Map.of("address", Map.of("recipient", "Anna Schmidt",
                "phone", "+49 30 1234567", "line1", "Unter den Linden 1", "city", "Berlin", "postalCode", "10117",
                "country", "DE"), "items", List.of(Map.of("skuId", sku, "quantity", 1))));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        long checkoutId = placed.json().get("checkoutId").asLong();
        long orderId = placed.json().get("orders").get(0).get("id").asLong();

        browser.open("/checkout/" + checkoutId);
        assertThat(browser.text(".tax-line")).contains("VAT 19.00 %").contains("DE").contains("¥19.00");
        assertThat(browser.text(".tax-payable")).contains("VAT included").contains("¥119.00");
        assertThat(browser.text("#amount-due")).isEqualTo("¥119.00");
        browser.clickAndWait("#pay");
        assertThat(market.walletBalance(buyer.api())).isEqualTo(100_000 - 11_900);

        browser.open("/orders/" + orderId + "?lang=zh-CN");
        assertThat(browser.text(".tax-line")).contains("增值税").contains("IOSS");
        assertThat(browser.text(".tax-payable")).contains("含增值税");
        browser.open("/p/" + productId);
        assertThat(browser.text("#local-rate")).contains("实际以 CNY 支付");
        browser.open("/p/" + productId + "?lang=en");

        for (String page : List.of("/p/" + productId, "/orders/" + orderId)) {
            PhoneWidth.fits(browser, page);
        }
    }
}
