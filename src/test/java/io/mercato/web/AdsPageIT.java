package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Merchant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A shopper sees a sponsored tile marked as an ad among the search results and opens it; the seller sees the click's
 * cost on the campaign page, with its charts, and why it cost that much.
 */
@MercatoTest
class AdsPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void aSponsoredTileIsMarkedAsAnAdAndClickingItChargesOnceAndOpensTheProduct() {
        Merchant seller = market.signUpSeller("ad-seller", "TAOBAO");
        String word = "qz" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)))
                .reduce("", String::concat);
        long category = market.category(0);
        Api.Response product = seller.api().create("/api/v1/stores/" + seller.store().storeId() + "/products", Map.of(
                "title", "Teapot " + word, "description", "Clay teapot", "categoryId", category,
                "images", List.of("https://img.example.com/t.jpg"),
                "skus", List.of(Map.of("attributes", Map.of("size", "M"), "priceMinor", 50_000, "initialStock", 100))));
        long productId = product.id();
        long skuId = seller.api().post("/api/v1/products/" + productId + "/listing", null).json().get("skus").get(0)
                .get("id").asLong();
        earn(seller.api(), skuId);
        assertThat(seller.api().create("/api/v1/ads/account/top-ups", Map.of("amountMinor", 5_000, "currency", "CNY"))
                .status()).isEqualTo(201);
        long campaign = seller.api().create("/api/v1/ads/campaigns", Map.of("productId", productId,
                "dailyBudgetMinor", 2_000, "targetRoi", 2)).id();

        browser.driver().manage().deleteAllCookies();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(driver -> {
            browser.open("/search?q=" + word + "&lang=en");
            return !browser.all(".card.sponsored").isEmpty();
        });
        WebElement tile = browser.find(".card.sponsored");
        assertThat(tile.findElement(org.openqa.selenium.By.cssSelector(".ad-badge")).getText()).isEqualTo("Ad");
        assertThat(tile.getText()).contains("Teapot " + word).contains("Sponsored");
        assertThat(browser.all(".search-hit")).hasSize(1);
        String href = tile.findElement(org.openqa.selenium.By.cssSelector("a")).getAttribute("href");
        long price = Long.parseLong(href.replaceAll(".*[?&]m=(\\d+).*", "$1"));

        browser.clickAndWait(".card.sponsored a");

        assertThat(browser.path()).isEqualTo("/p/" + productId);
        assertThat(spentToday(seller.api(), campaign)).isEqualTo(price);
        browser.open(href.substring(href.indexOf("/ads/")));
        assertThat(browser.path()).isEqualTo("/p/" + productId);
        assertThat(spentToday(seller.api(), campaign)).as("the same link opened again is free").isEqualTo(price);

        browser.open("/search?q=" + word + "&lang=zh-CN");
        assertThat(browser.text(".card.sponsored .ad-badge")).isEqualTo("广告");
        browser.open("/ads/click?a=1&c=" + campaign + "&n=1&m=1&v=a0&x=9999999999&s=forged&lang=en");
        assertThat(browser.text(".error-page")).contains("not valid");
        assertThat(spentToday(seller.api(), campaign)).isEqualTo(price);

        market.logIn(seller);
        browser.open("/seller/ads?lang=en");
        assertThat(browser.text("#campaigns")).contains("Teapot " + word);
        browser.clickAndWait("#campaigns a");
        assertThat(browser.path()).isEqualTo("/seller/ads/" + campaign);
        assertThat(browser.text("#clicks-total")).isEqualTo("1");
        assertThat(browser.text("#spend-total")).isEqualTo(String.format("¥%d.%02d", price / 100, price % 100));
        assertThat(browser.find("#chart-spend canvas")).isNotNull();
        assertThat(browser.find("#chart-clicks canvas")).isNotNull();
        browser.clickAndWait("#clicks a.why");
        assertThat(browser.text("#why-price")).isEqualTo(String.format("¥%d.%02d", price / 100, price % 100));
        assertThat(browser.text("#ranked")).contains("Your campaign");
    }

    @Test
    void aSellerCreatesACampaignAndTopsUpItsAdAccountFromThePages() {
        Merchant seller = market.signUpSeller("ad-page-seller", "TAOBAO");
        long productId = market.listedProduct(seller.store(), market.category(0),
                List.of(new io.mercato.MarketFixture.SkuSpec(Map.of("size", "L"), 30_000, 10))).get("id").asLong();
        long skuId = seller.api().get("/api/v1/products/" + productId).json().get("skus").get(0).get("id").asLong();
        earn(seller.api(), skuId);
        market.logIn(seller);

        browser.open("/seller/ads?lang=en");
        browser.type("#ad-top-up-amount", "12.50");
        browser.clickAndWait("#ad-top-up button");
        assertThat(browser.text("#ad-balance")).isEqualTo("¥12.50");

        browser.type("#campaign-budget", "0");
        browser.type("#campaign-roi", "3");
        browser.clickAndWait("#create-campaign");
        assertThat(browser.text("#error")).contains("daily budget");

        browser.type("#campaign-budget", "30.00");
        browser.type("#campaign-roi", "3");
        browser.clickAndWait("#create-campaign");
        assertThat(browser.path()).startsWith("/seller/ads/");
        assertThat(browser.text("#campaign-status")).isEqualTo("Active");
        browser.clickAndWait("#pause");
        assertThat(browser.text("#campaign-status")).isEqualTo("Paused");
    }

    @Test
    void theOperatorSetsTheSlotsOfEachPlacement() {
        Api.Response before = market.operator().get("/api/v1/operator/ads/placements");
        String slots = before.json().get(0).get("slots").asString();
        String placement = before.json().get(0).get("placement").asString();
        market.logInAsOperator();
        browser.open("/ops/ads?lang=en");
        browser.type("#placement-" + placement + " input[name=reserve]", "0");
        browser.clickAndWait("#placement-" + placement + " button");
        assertThat(browser.text("#error")).contains("between 1 and 100000");
        browser.type("#placement-" + placement + " input[name=slots]", slots);
        browser.clickAndWait("#placement-" + placement + " button");
        assertThat(browser.text("#notice")).isEqualTo("Ad slots saved.");
        assertThat(market.operator().get("/api/v1/operator/ads/placements").json().get(0).get("slots").asString())
                .isEqualTo(slots);
    }

    /** Gives the seller a merchant balance: one sale, shipped, delivered and confirmed. */
    private static void earn(Api seller, long skuId) {
        Api buyer = market.buyer(5_000_000);
        long orderId = market.paidOrder(buyer, skuId, 1);
        assertThat(seller.create("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890")).status()).isEqualTo(200);
        assertThat(seller.create("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);
        assertThat(buyer.create("/api/v1/orders/" + orderId + "/receipt-confirmation", null).status()).isEqualTo(200);
    }

    private static long spentToday(Api seller, long campaign) {
        return seller.get("/api/v1/ads/campaigns/" + campaign).json().get("spentTodayMinor").asLong();
    }
}
