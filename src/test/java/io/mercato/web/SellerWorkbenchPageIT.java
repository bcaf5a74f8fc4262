package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MarketFixture.SkuSpec;
import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** The seller workbench in a real browser: product and order lists, batch actions, alerts, slips, refunds, money. */
@MercatoTest
class SellerWorkbenchPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void theProductListSearchesFiltersAndChangesTickedProductsTogether() {
        Merchant seller = market.signUpSeller("wb-products", "TAOBAO");
        long category = market.category(200);
        JsonNode kettle = market.listedProduct(seller.store(), category, List.of(
                new SkuSpec(Map.of("colour", "red"), 10_000, 5), new SkuSpec(Map.of("colour", "blue"), 12_000, 5)));
        JsonNode lamp = market.listedProduct(seller.store(), category, List.of(new SkuSpec(Map.of(), 5_000, 2)));
        long kettleId = kettle.get("id").asLong();
        long lampId = lamp.get("id").asLong();
        long blueSku = kettle.get("skus").get(1).get("id").asLong();

        market.logIn(seller);
        browser.open("/seller/products?q=" + blueSku);
        browser.find("#product-total");
        // A number is tried as a product id and as a SKU id at once, so another product may match by its id.
        assertThat(browser.all("tbody[data-product]")).extracting(e -> e.getAttribute("data-product"))
                .contains(String.valueOf(kettleId)).doesNotHaveDuplicates();
        assertThat(browser.all("tbody[data-product] .sku-id")).extracting(WebElement::getText)
                .contains(String.valueOf(blueSku));

        browser.open("/seller/products");
        browser.find("#pick-" + kettleId).click();
        browser.find("#pick-" + lampId).click();
        browser.type("#batch-percent", "-10");
        browser.clickAndWait("#batch-reprice");
        assertThat(browser.text("#notice")).isEqualTo("The prices of the ticked products are changed.");
        assertThat(market.anonymous().get("/api/v1/products/" + kettleId).json().get("skus").get(1)
                .get("priceMinor").asLong()).isEqualTo(10_800);

        browser.find("#pick-" + lampId).click();
        browser.clickAndWait("#batch-delist");
        browser.open("/seller/products?status=DELISTED");
        browser.find("#product-total");
        assertThat(browser.all("tbody[data-product]")).extracting(e -> e.getAttribute("data-product"))
                .containsExactly(String.valueOf(lampId));
        assertThat(browser.text("#product-total")).isEqualTo("1 found");

        browser.open("/seller/products?status=LISTED&lang=zh-CN");
        assertThat(browser.text("#product-total")).isEqualTo("共 1 条");
        browser.open("/seller/products?lang=en");
    }

    @Test
    void aSkuAtOrBelowItsThresholdIsAnAlertWithABadge() {
        Merchant seller = market.signUpSeller("wb-alerts", "TAOBAO");
        JsonNode product = market.listedProduct(seller.store(), market.category(200),
                List.of(new SkuSpec(Map.of("size", "S"), 1_000, 3), new SkuSpec(Map.of("size", "M"), 1_000, 30)));
        long small = product.get("skus").get(0).get("id").asLong();
        long medium = product.get("skus").get(1).get("id").asLong();

        market.logIn(seller);
        browser.open("/seller/alerts");
        assertThat(browser.text("#no-alerts")).isEqualTo("No SKU is at or below its alert threshold.");
        assertThat(browser.all("#low-stock-badge")).isEmpty();

        browser.open("/seller/products");
        browser.type("tr[data-sku='" + small + "'] .threshold", "3");
        browser.clickAndWait("tr[data-sku='" + small + "'] .threshold-form button");
        browser.type("tr[data-sku='" + medium + "'] .threshold", "5");
        browser.clickAndWait("tr[data-sku='" + medium + "'] .threshold-form button");
        assertThat(browser.text("#low-stock-badge")).isEqualTo("1");

        browser.open("/seller/alerts");
        browser.find("#alerts");
        assertThat(browser.all("#alerts tr[data-sku]")).extracting(e -> e.getAttribute("data-sku"))
                .containsExactly(String.valueOf(small));
        assertThat(browser.text("#alerts .available")).isEqualTo("3");

        browser.open("/seller/products");
        browser.type("tr[data-sku='" + small + "'] .threshold", "2000000");
        browser.clickAndWait("tr[data-sku='" + small + "'] .threshold-form button");
        assertThat(browser.text("#error")).contains("from 0 to");
    }

    @Test
    void batchShippingShipsNothingWhenOneRowIsRefusedAndEverythingWhenAllAreGood() throws IOException {
        Merchant seller = market.signUpSeller("wb-ship", "TAOBAO");
        long sku = market.listedSku(seller.store(), market.category(200), 2_000, 20);
        Member buyer = market.signUpBuyer("wb-ship-buyer", 100_000);
        long first = market.paidOrder(buyer.api(), sku, 1);
        long second = market.paidOrder(buyer.api(), sku, 2);
        Path csv = Files.createTempFile("ship", ".csv");

        market.logIn(seller);
        browser.open("/seller/orders?buyer=" + buyer.email());
        browser.find("section[data-order]");
        assertThat(browser.all("section[data-order]")).extracting(e -> e.getAttribute("data-order"))
                .containsExactly(String.valueOf(second), String.valueOf(first));
        browser.open("/seller/orders?order=" + first + "&status=");
        browser.find("#order-total");
        assertThat(browser.all("section[data-order]")).hasSize(1);

        Files.writeString(csv, "order_id,carrier,tracking_number\n" + first + ",SF Express,SF1000100\n"
                + second + ",ZTO,\n999999999,ZTO,ZT1000001\n");
        browser.open("/seller/orders/batch-shipping");
        browser.find("#ship-file").sendKeys(csv.toAbsolutePath().toString());
        browser.clickAndWait("#ship-upload");
        assertThat(browser.text("#ship-result")).isEqualTo("Nothing was shipped: 2 line(s) refused.");
        assertThat(browser.all("#ship-report tr.bad")).extracting(WebElement::getText).containsExactly(
                "3 " + second + ",ZTO, Carrier and tracking number are both needed (at most 100 characters each)",
                "4 999999999,ZTO,ZT1000001 Order 999999999 is not an order of your stores");
        assertThat(buyer.api().get("/api/v1/orders/" + first).json().get("status").asText()).isEqualTo("PAID");

        Files.writeString(csv, "order_id,carrier,tracking_number\n" + first + ",SF Express,SF1000100\n"
                + second + ",ZTO,ZT2000200\n");
        browser.open("/seller/orders/batch-shipping");
        browser.find("#ship-file").sendKeys(csv.toAbsolutePath().toString());
        browser.clickAndWait("#ship-upload");
        assertThat(browser.text("#ship-result")).isEqualTo("2 order(s) shipped.");
        assertThat(buyer.api().get("/api/v1/orders/" + second).json().get("trackingNumber").asText()).isEqualTo("ZT2000200");

        browser.open("/seller/orders/" + first + "/slip");
        assertThat(browser.text(".slip h1")).isEqualTo("Packing slip · order " + first);
        assertThat(browser.text(".slip .ship-to")).contains("Li Lei");
        Files.delete(csv);
    }

    @Test
    void aReturnShowsTheBuyerTheProductTheQuantityAndTheReason() {
        Merchant seller = market.signUpSeller("wb-refund", "TAOBAO");
        long sku = market.listedSku(seller.store(), market.category(200), 3_000, 20);
        Member buyer = market.signUpBuyer("wb-refund-buyer", 100_000);
        long orderId = market.paidOrder(buyer.api(), sku, 3);
        var shipped = seller.api().post("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890"));
        assertThat(shipped.status()).as("%s", shipped).isIn(200, 201);
        var delivered = seller.api().post("/api/v1/orders/" + orderId + "/delivery", null);
        assertThat(delivered.status()).as("%s", delivered).isIn(200, 201);
        long lineId = buyer.api().get("/api/v1/orders/" + orderId).json().get("lines").get(0).get("id").asLong();
        var requested = buyer.api().create("/api/v1/orders/" + orderId + "/refunds", Map.of("reason",
                "Two arrived cracked", "items", List.of(Map.of("lineId", lineId, "quantity", 2))));
        assertThat(requested.status()).as("%s", requested).isIn(200, 201);

        market.logIn(seller);
        browser.open("/seller/refunds");
        assertThat(browser.text(".refund-reason q")).isEqualTo("Two arrived cracked");
        assertThat(browser.text(".refund-qty")).isEqualTo("2");
        assertThat(browser.text(".refund-buyer")).isNotBlank().doesNotContain("#");

        browser.open("/seller/finance");
        browser.find("#money-history");
        List<WebElement> rows = browser.all("#money-history .money-row");
        assertThat(rows).isNotEmpty();
        assertThat(rows.getFirst().findElement(org.openqa.selenium.By.cssSelector(".escrow-change")).getText())
                .isEqualTo("¥90.00");
        assertThat(rows.getFirst().findElement(org.openqa.selenium.By.cssSelector(".escrow-after")).getText())
                .isEqualTo("¥90.00");
    }

    @Test
    void theSellerChoosesTheCurrencyItIsPaidInOnTheMoneyPage() {
        Merchant seller = market.signUpSeller("wb-settle", "GLOBAL");
        market.logIn(seller);
        browser.open("/seller/finance?lang=en");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find("#settlement-currency"))
                .getFirstSelectedOption().getAttribute("value")).as("each order's own currency at first").isEmpty();
        new org.openqa.selenium.support.ui.Select(browser.find("#settlement-currency")).selectByValue("EUR");
        browser.clickAndWait("#choose-settlement");
        assertThat(browser.text("#notice")).contains("converted into the currency you chose");
        assertThat(seller.api().get("/api/v1/merchant/settlement-currency").json().get("currency").asString())
                .isEqualTo("EUR");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find("#settlement-currency"))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("EUR");

        browser.open("/seller/finance?lang=zh-CN");
        new org.openqa.selenium.support.ui.Select(browser.find("#settlement-currency")).selectByValue("");
        browser.clickAndWait("#choose-settlement");
        assertThat(browser.text("#notice")).contains("按其自身币种结算");
        assertThat(seller.api().get("/api/v1/merchant/settlement-currency").json().hasNonNull("currency")).isFalse();
    }

    @Test
    void theExportWritesYuanWithSkuIdsAndTheUploadReadsItBack() throws IOException {
        Merchant seller = market.signUpSeller("wb-export", "TAOBAO");
        JsonNode product = market.listedProduct(seller.store(), market.category(200),
                List.of(new SkuSpec(Map.of("size", "L"), 12_990, 7)));
        long sku = product.get("skus").get(0).get("id").asLong();

        market.logIn(seller);
        browser.open("/seller/bulk");
        String export = (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                var request = new XMLHttpRequest();
                request.open('GET', '/seller/bulk/export.csv', false);
                request.send();
                return request.responseText;""");
        assertThat(export).contains("sku_id,price,on_hand,product_id,title,variant,status")
                .contains(sku + ",129.90,7," + product.get("id").asLong() + ",");

        Path csv = Files.createTempFile("yuan", ".csv");
        Files.writeString(csv, "sku_id,price,on_hand\n" + sku + ",99.50,\n");
        browser.find("#csv-file").sendKeys(csv.toAbsolutePath().toString());
        browser.clickAndWait("#upload");
        assertThat(browser.text("#report h2")).isEqualTo("1 line(s) applied, 0 refused");
        assertThat(market.anonymous().get("/api/v1/products/" + product.get("id").asLong()).json().get("skus").get(0)
                .get("priceMinor").asLong()).isEqualTo(9_950);
        Files.delete(csv);
    }
}
