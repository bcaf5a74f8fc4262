package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MarketFixture.Seller;
import io.mercato.MarketFixture.SkuSpec;
import io.mercato.MercatoTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A shopper searches from the header, narrows the matches with a facet and opens a product. */
@MercatoTest
class SearchPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void aShopperSearchesFromTheHeaderAndNarrowsByStoreKind() {
        String word = "zq" + letters(6);
        long category = market.category(200);
        Seller taobao = market.seller("TAOBAO");
        Seller tmall = market.seller("TMALL");
        long small = market.listedProduct(taobao, category, List.of(new SkuSpec(Map.of("colour", "red"), 1_990, 5)))
                .get("id").asLong();
        market.listedProduct(tmall, category, List.of(new SkuSpec(Map.of("colour", "blue"), 2_990, 5)));
        retitle(taobao, small, "Lamp " + word + " 台灯");
        long brandStoreProduct = lastProduct(tmall);
        retitle(tmall, brandStoreProduct, "Lamp " + word + " 台灯 flagship");

        browser.open("/");
        // The index follows the catalog within a second; search until both products are there.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> {
            browser.open("/");
            WebElement box = browser.find("#header-search");
            box.sendKeys(word + Keys.ENTER);
            return browser.all(".search-hit").size() == 2;
        });

        assertThat(browser.path()).startsWith("/search?q=" + word);
        assertThat(browser.find(".search-hit h3 em").getText()).isEqualToIgnoringCase(word);
        assertThat(browser.text("#facet-kind-TMALL")).contains("1");

        browser.clickAndWait("#facet-kind-TMALL");

        List<WebElement> hits = browser.all(".search-hit");
        assertThat(hits).hasSize(1);
        assertThat(hits.getFirst().getText()).contains("flagship");
        browser.clickAndWait(".search-hit a");
        assertThat(browser.path()).isEqualTo("/p/" + brandStoreProduct);
    }

    @Test
    void aQueryWithNoMatchSaysSoAndBadInputStaysOnThePage() {
        browser.open("/search?q=" + "qqxxzzyy" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[^a-z]", "q"));
        assertThat(browser.text("#search-empty")).contains("No products match");

        browser.open("/search?q=lamp&page=100000");
        assertThat(browser.text("#search-error")).contains("page");
    }

    @Test
    void aTitleIsShownAsTextNeverRunAsMarkup() {
        String word = "zx" + letters(6);
        Seller seller = market.seller("TAOBAO");
        long product = market.listedProduct(seller, market.category(0), List.of(new SkuSpec(Map.of("size", "M"), 990, 3)))
                .get("id").asLong();
        retitle(seller, product, "Mug " + word + " <img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script>");

        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> {
            browser.open("/search?q=" + word);
            return !browser.all(".search-hit").isEmpty();
        });

        assertThat(browser.text(".search-hit h3")).contains("<script>window.pwned=1</script>");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.pwned === undefined"))
                .isEqualTo(true);
    }

    private void retitle(Seller seller, long productId, String title) {
        assertThat(seller.api().patch("/api/v1/products/" + productId, Map.of("title", title)).status()).isEqualTo(200);
    }

    private long lastProduct(Seller seller) {
        return seller.api().get("/api/v1/seller/stores/" + seller.storeId() + "/products").json().get("items").get(0)
                .get("id").asLong();
    }

    /** Random lower-case letters: a UUID's hex digits, the digits 0–9 written as the letters g–p. */
    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        UUID.randomUUID().toString().replace("-", "").chars().limit(count)
                .forEach(c -> letters.append((char) (c <= '9' ? 'g' + (c - '0') : c)));
        return letters.toString();
    }
}
