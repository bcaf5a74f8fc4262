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
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** The seller centre's editing tools and the operator's verification queue, in a real browser. */
@MercatoTest
class SellerCentrePageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void aCsvUploadAppliesGoodLinesAndReportsEachBadOne() throws IOException {
        Merchant seller = market.signUpSeller("csv-seller", "TAOBAO");
        JsonNode product = market.listedProduct(seller.store(), market.category(200), List.of(
                new SkuSpec(Map.of("size", "S"), 1_000, 5), new SkuSpec(Map.of("size", "M"), 1_100, 5)));
        long small = product.get("skus").get(0).get("id").asLong();
        long medium = product.get("skus").get(1).get("id").asLong();
        Path csv = Files.createTempFile("stock", ".csv");
        Files.writeString(csv, "sku_id,price_minor,on_hand\n" + small + ",1290,40\n" + medium + ",abc,3\n"
                + "999999999,100,1\n" + medium + ",,12\n");

        market.logIn(seller);
        browser.open("/seller/bulk");
        browser.find("#csv-file").sendKeys(csv.toAbsolutePath().toString());
        browser.clickAndWait("#upload");

        assertThat(browser.text("#report h2")).isEqualTo("2 line(s) applied, 2 refused");
        List<WebElement> rows = browser.all("#report tr.ok, #report tr.bad");
        assertThat(rows).extracting(WebElement::getText).containsExactly(
                "2 " + small + ",1290,40 ✓ SKU " + small + ": price 1290, on hand 40",
                "3 " + medium + ",abc,3 ✗ price_minor 'abc' is not a whole number",
                "4 999999999,100,1 ✗ SKU 999999999 is not a SKU of your stores",
                "5 " + medium + ",,12 ✓ SKU " + medium + ": on hand 12");
        assertThat(market.available(small)).isEqualTo(40);
        assertThat(market.available(medium)).isEqualTo(12);
        browser.open("/p/" + product.get("id").asLong() + "?sku=" + small);
        assertThat(browser.text("#price")).isEqualTo("¥12.90");
        Files.delete(csv);
    }

    @Test
    void theProductEditorAddsASkuAndChangesStock() {
        Merchant seller = market.signUpSeller("editor-seller", "LOCAL");
        long productId = market.listedProduct(seller.store(), market.category(200),
                List.of(new SkuSpec(Map.of("colour", "red"), 2_000, 3))).get("id").asLong();

        market.logIn(seller);
        browser.open("/seller/products/" + productId);
        browser.type("input[name='rows[0].stock']", "25");
        browser.type("input[name='rows[1].attributes']", "colour blue");
        browser.type("input[name='rows[1].price']", "21.50");
        browser.type("input[name='rows[1].stock']", "7");
        browser.clickAndWait("#save-product");
        assertThat(browser.text("#error")).contains("SKU row 2").contains("colour: red, size: M");

        browser.type("input[name='rows[1].attributes']", "colour: blue");
        browser.clickAndWait("#save-product");
        assertThat(browser.text("#notice")).isEqualTo("Saved.");
        assertThat(browser.find("input[name='rows[0].stock']").getAttribute("value")).isEqualTo("25");
        assertThat(browser.find("input[name='rows[1].attributes']").getAttribute("value")).isEqualTo("colour: blue");
        assertThat(browser.find("input[name='rows[1].price']").getAttribute("value")).isEqualTo("21.50");
        assertThat(browser.find("input[name='rows[1].stock']").getAttribute("value")).isEqualTo("7");
    }

    @Test
    void anOperatorRejectsATmallStoreAndTheSellerSeesWhy() {
        Member seller = market.signUp("SELLER", "tmall-seller");
        market.logIn(seller);
        browser.open("/seller");
        assertThat(browser.path()).isEqualTo("/seller/stores/new");
        String name = "Brand " + System.nanoTime();
        browser.type("#open-store input[name=name]", name);
        browser.find("#open-store select[name=kind] option[value=TMALL]").click();
        browser.clickAndWait("#open-store button");
        browser.open("/seller/stores/new");
        assertThat(browser.text("table.table")).contains(name).contains("Waiting for verification");

        market.logInAsOperator();
        browser.open("/ops/verification");
        String store = browser.all("section[data-store]").stream()
                .filter(section -> section.getText().contains(name)).findFirst().orElseThrow()
                .getAttribute("data-store");
        browser.type("section[data-store='" + store + "'] input[name=reason][required]", "The authorisation letter has expired");
        browser.clickAndWait("section[data-store='" + store + "'] form:nth-of-type(2) button");
        assertThat(browser.text("#notice")).startsWith("Store rejected");

        market.logIn(seller);
        browser.open("/seller/stores/new");
        assertThat(browser.text("tr[data-store='" + store + "']")).contains("Rejected")
                .contains("The authorisation letter has expired");
    }
}
