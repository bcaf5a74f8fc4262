package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Promotions in a real browser: a seller sets up a store coupon and a flash-sale price in the seller centre; the
 * buyer sees the struck-through price, claims the coupon on the product page and reads the price breakdown with who
 * funds each discount in the cart and at checkout, in English and Chinese; the operator runs threshold discounts and
 * reads the subsidy spend, and bad input is explained.
 */
@MercatoTest
class PricingPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Autowired
    Clock clock;

    private String local(Duration fromNow) {
        return LocalDateTime.ofInstant(clock.instant().plus(fromNow), ZoneId.of("Asia/Shanghai"))
                .truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private void setValue(String css, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", browser.find(css), value);
    }

    @Test
    void aSellersCouponAndFlashSaleReachTheBuyersBreakdown() {
        Merchant seller = market.signUpSeller("promo-seller", "TAOBAO");
        JsonNode product = market.listedProduct(seller.store(), market.category(0),
                List.of(new io.mercato.MarketFixture.SkuSpec(Map.of("colour", "red"), 10_000, 20)));
        long productId = product.get("id").asLong();
        long skuId = product.get("skus").get(0).get("id").asLong();

        market.logIn(seller);
        browser.open("/seller");
        browser.clickAndWait("#nav-promotions");
        browser.type("#coupon-name", "Ten off fifty");
        browser.type("#coupon-off", "10.00");
        browser.type("#coupon-threshold", "50.00");
        browser.type("#coupon-total", "5");
        setValue("#coupon-from", local(Duration.ofHours(-1)));
        setValue("#coupon-until", local(Duration.ofDays(2)));
        browser.clickAndWait("#create-coupon");
        assertThat(browser.text("#notice")).isEqualTo("Saved.");
        assertThat(browser.text("#store-coupons")).contains("Ten off fifty").contains("0 / 5");

        browser.type("#price-name", "Midnight flash");
        browser.type("#price-price", "80.00");
        setValue("#price-from", local(Duration.ofHours(-1)));
        setValue("#price-until", local(Duration.ofDays(1)));
        browser.clickAndWait("#create-price");
        assertThat(browser.text("#notice")).isEqualTo("Saved.");
        assertThat(browser.text("#sku-promotions")).contains("Flash sale").contains("Midnight flash").contains("¥80.00");

        // A flash-sale price above the list price is refused, saying why.
        browser.type("#price-name", "Too high");
        browser.type("#price-price", "120.00");
        setValue("#price-from", local(Duration.ofHours(-1)));
        setValue("#price-until", local(Duration.ofDays(1)));
        browser.clickAndWait("#create-price");
        assertThat(browser.text("#error")).contains("below the list price");

        Member buyer = market.signUpBuyer("promo-buyer", 100_000);
        market.logIn(buyer);
        browser.open("/p/" + productId);
        assertThat(browser.text("#price .now")).isEqualTo("¥80.00");
        assertThat(browser.text("#price del.was")).isEqualTo("¥100.00");
        assertThat(browser.text("#coupons-to-claim")).contains("¥10.00").contains("Ten off fifty");
        browser.clickAndWait("#coupons-to-claim button.claim");
        assertThat(browser.text("#notice")).contains("Coupon claimed");
        browser.clickAndWait("#add-to-cart");

        browser.open("/cart");
        String breakdown = browser.text("#price-breakdown");
        assertThat(breakdown).contains("Flash sale").contains("Midnight flash").contains("Store coupon")
                .contains("funded by the store").contains("¥100.00");
        assertThat(browser.text("#quote-payable")).isEqualTo("¥70.00");
        assertThat(browser.text("#coupons-chosen")).contains("Ten off fifty");

        browser.open("/checkout");
        assertThat(browser.text("#quote-payable")).isEqualTo("¥70.00");
        assertThat(browser.text("#coupon-choice")).contains("Ten off fifty");

        browser.open("/cart?lang=zh-CN");
        assertThat(browser.text("#price-breakdown")).contains("价格明细").contains("秒杀价").contains("店铺出资");
        browser.open("/coupons?lang=en");
        assertThat(browser.text("main")).contains("My coupons").contains("Ten off fifty").contains("Usable");

        browser.open("/search?q=" + product.get("title").asString().replace(' ', '+'));
        assertThat(browser.text(".search-hit .price")).contains("¥80.00").contains("¥100.00");
        assertThat(skuId).isPositive();
    }

    @Test
    void theOperatorRunsThresholdDiscountsAndSeesSubsidySpend() {
        market.logInAsOperator();
        browser.open("/ops");
        browser.clickAndWait("#nav-pricing");
        assertThat(browser.text("main")).contains("Subsidy spend by day");

        browser.type("#threshold-name", "Too generous");
        browser.type("#threshold-off", "300.00");
        browser.type("#threshold-step", "300.00");
        browser.type("#threshold-cap", "600.00");
        setValue("#threshold-from", local(Duration.ofHours(-1)));
        setValue("#threshold-until", local(Duration.ofDays(1)));
        browser.clickAndWait("#create-threshold");
        assertThat(browser.text("#error")).contains("less than the step");

        // A threshold discount for a festival no SKU is enrolled in, so that it changes no other test's prices.
        browser.type("#threshold-name", "Fifty off every three hundred");
        browser.type("#threshold-off", "50.00");
        browser.type("#threshold-step", "300.00");
        browser.type("#threshold-cap", "500.00");
        browser.type("#new-threshold input[name=festivalId]", "999999");
        setValue("#threshold-from", local(Duration.ofHours(-1)));
        setValue("#threshold-until", local(Duration.ofDays(1)));
        browser.clickAndWait("#create-threshold");
        assertThat(browser.text("#notice")).isEqualTo("Saved.");
        assertThat(browser.text("#thresholds")).contains("Fifty off every three hundred").contains("¥50.00 off every ¥300.00");

        browser.open("/ops/pricing?lang=zh-CN");
        assertThat(browser.text("#thresholds")).contains("每满¥300.00减¥50.00");
        browser.open("/ops/pricing?lang=en");
    }
}
