package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Merchant;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Scheduling flash sales in a real browser: a seller picks one of its own SKUs, is told in words what is wrong,
 * schedules, sees the sale's state and cancels it before it starts; an operator finds any SKU and schedules a sale
 * that the shop's home and product pages then link to. English and Chinese, and a phone's width.
 */
@MercatoTest
class FlashSaleManagePageIT {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @org.springframework.beans.factory.annotation.Autowired
    io.mercato.MutableClock clock;

    @Test
    void aSellerSchedulesASaleOfItsOwnSkuSeesItsStateAndCancelsItBeforeItStarts() {
        Merchant seller = market.signUpSeller("flash-scheduler", "TAOBAO");
        Merchant other = market.signUpSeller("flash-other", "TAOBAO");
        long mine = market.listedSku(seller.store(), market.category(0), 19_900, 10);
        long theirs = market.listedSku(other.store(), market.category(0), 29_900, 10);
        market.logIn(seller);
        browser.open("/seller/flash-sales?lang=en");
        assertThat(browser.text("h1")).isEqualTo("Flash sales");
        assertThat(browser.all("#sale-sku option[value='" + mine + "']")).hasSize(1);
        assertThat(browser.all("#sale-sku option[value='" + theirs + "']")).as("only its own SKUs").isEmpty();

        Instant start = clock.instant().plus(Duration.ofDays(1));
        fill(mine, "300.00", "5", "2", LOCAL.format(start), LOCAL.format(start.plus(Duration.ofHours(2))));
        browser.clickAndWait("#schedule-sale");
        assertThat(browser.text("#error")).as("a sale price above the list price").contains("price");
        assertThat(browser.find("#sale-quantity").getAttribute("value")).as("the form keeps what was typed").isEqualTo("5");

        fill(mine, "9.90", "5", "2", LOCAL.format(start), LOCAL.format(start.plus(Duration.ofHours(2))));
        browser.clickAndWait("#schedule-sale");
        assertThat(browser.text("#notice")).isEqualTo("Flash sale scheduled.");
        WebElement row = browser.find("#flash-sales tr[data-sale]");
        String saleId = row.getAttribute("data-sale");
        assertThat(row.getText()).contains("¥9.90").contains("0 / 5").contains("Coming up");
        Api.Response api = seller.api().get("/api/v1/flash-sales/" + saleId);
        assertThat(api.json().get("perBuyerLimit").asInt()).isEqualTo(2);
        assertThat(api.json().get("startsAt").asString()).startsWith(start.toString().substring(0, 16));

        browser.clickAndWait("#flash-sales tr[data-sale='" + saleId + "'] .cancel-sale");
        assertThat(browser.text("#notice")).isEqualTo("Flash sale cancelled.");
        assertThat(browser.text("#flash-sales tr[data-sale='" + saleId + "'] .state")).isEqualTo("Cancelled");
        assertThat(browser.all("#flash-sales tr[data-sale='" + saleId + "'] .cancel-sale")).isEmpty();

        browser.open("/seller/flash-sales?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("秒杀活动");
        assertThat(browser.text("#flash-sales tr[data-sale='" + saleId + "'] .state")).isEqualTo("已取消");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            browser.open("/seller/flash-sales?lang=en");
            long overflow = (Long) ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).as("fits a phone's width").isLessThanOrEqualTo(0);
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void anOperatorFindsAnySkuAndSchedulesASaleThatTheHomeAndProductPagesLinkTo() {
        Merchant seller = market.signUpSeller("flash-ops-seller", "TAOBAO");
        long sku = market.listedSku(seller.store(), market.category(0), 49_900, 10);
        market.logInAsOperator();
        browser.open("/ops/flash-sales?lang=en&q=" + sku);
        assertThat(browser.all("#sale-sku option[value='" + sku + "']")).hasSize(1);
        fill(sku, "99", "3", "1", "", LOCAL.format(clock.instant().plus(Duration.ofDays(1))));
        browser.clickAndWait("#schedule-sale");
        assertThat(browser.text("#notice")).isEqualTo("Flash sale scheduled.");
        String saleId = null;
        for (WebElement row : browser.all("#flash-sales tr[data-sale]")) {
            if (row.getText().contains("#" + sku)) {
                saleId = row.getAttribute("data-sale");
                assertThat(row.getText()).contains("¥99.00").contains("On now");
            }
        }
        assertThat(saleId).as("the new sale is listed").isNotNull();
        long productId = seller.api().get("/api/v1/flash-sales/" + saleId).json().get("productId").asLong();

        browser.open("/?lang=en");
        // The home page shows the soonest sales and links to all of them.
        assertThat(browser.find("#home-flash-sales h2 a").getAttribute("href")).endsWith("/flash-sales");
        assertThat(browser.all("#home-flash-sales a[data-sale]")).isNotEmpty();
        browser.clickAndWait("#home-flash-sales h2 a");
        assertThat(browser.all("section[data-sale='" + saleId + "']")).hasSize(1);
        browser.open("/p/" + productId);
        WebElement link = browser.find(".flash-sale-link[data-sale='" + saleId + "'] a");
        assertThat(link.getText()).contains("¥99.00").contains("On now");
        assertThat(link.getAttribute("href")).endsWith("/flash-sales/" + saleId);
        browser.open("/p/" + productId + "?lang=zh-CN");
        assertThat(browser.text(".flash-sale-link[data-sale='" + saleId + "'] a")).contains("限时秒杀");
    }

    private static void fill(long sku, String price, String quantity, String limit, String starts, String ends) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("document.getElementById('sale-sku').value = arguments[0];", String.valueOf(sku));
        for (String[] field : new String[][] {{"sale-price", price}, {"sale-quantity", quantity}, {"sale-limit", limit},
                {"sale-starts", starts}, {"sale-ends", ends}}) {
            js.executeScript("document.getElementById(arguments[0]).value = arguments[1];", field[0], field[1]);
        }
    }
}
