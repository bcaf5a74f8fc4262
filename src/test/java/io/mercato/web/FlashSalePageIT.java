package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/** The flash-sale pages in a real browser: countdown and units left, a win, the sold-out state, both languages. */
@MercatoTest
class FlashSalePageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @org.springframework.beans.factory.annotation.Autowired
    io.mercato.MutableClock clock;

    @Test
    void aBuyerWinsTheLastUnitAndTheNextSeesItSoldOutInEitherLanguage() {
        Merchant seller = market.signUpSeller("flash-seller", "TAOBAO");
        long sku = market.listedSku(seller.store(), market.category(0), 19_900, 10);
        Instant now = clock.instant();
        Api.Response sale = seller.store().api().create("/api/v1/flash-sales", Map.of("name", "Midnight hot SKU",
                "skuId", sku, "priceMinor", 990, "quantity", 1, "perBuyerLimit", 1,
                "startsAt", now.toString(), "endsAt", now.plus(Duration.ofDays(1)).toString()));
        assertThat(sale.status()).as("schedule: %s", sale).isEqualTo(201);
        long saleId = sale.id();

        browser.open("/flash-sales");
        String tile = browser.text("section[data-sale='" + saleId + "']");
        assertThat(tile).contains("Midnight hot SKU").contains("¥9.90").contains("1 of 1 left").contains("Ends in");

        Member first = market.signUpBuyer("flash-first", 100_000);
        market.logIn(first);
        browser.open("/flash-sales/" + saleId);
        assertThat(browser.text("#status")).isEqualTo("On now");
        for (var field : Map.of("recipient", "Li Lei", "phone", "13800138000", "line1", "1 Wensan Road",
                "city", "Hangzhou").entrySet()) {
            browser.type("#address-" + field.getKey(), field.getValue());
        }
        browser.clickAndWait("#buy-now");
        assertThat(browser.text("#won")).contains("You got it");
        assertThat(browser.find("#pay-link").getAttribute("href")).contains("/orders/");
        assertThat(browser.text("#left")).isEqualTo("0 of 1 left");

        Member second = market.signUpBuyer("flash-second", 100_000);
        market.logIn(second);
        browser.open("/flash-sales/" + saleId);
        assertThat(browser.text("#status")).isEqualTo("Sold out");
        assertThat(browser.text("#sold-out")).contains("All gone");
        assertThat(browser.all("#attempt-form")).isEmpty();

        browser.open("/flash-sales/" + saleId + "?lang=zh-CN");
        assertThat(browser.text("#status")).isEqualTo("已抢光");
        assertThat(browser.text("#left")).isEqualTo("剩余 0 / 1 件");
        assertThat(browser.text(".countdown")).contains("距结束");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/flash-sales?lang=en");
        long overflow = (Long) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("fits a phone's width").isLessThanOrEqualTo(0);
    }
}
