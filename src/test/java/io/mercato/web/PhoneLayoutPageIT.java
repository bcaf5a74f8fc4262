package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MarketFixture.SkuSpec;
import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The shop's main journey on a phone (390×844, an iPhone 14's viewport): home, search, product, cart, checkout and
 * the order, in both languages. No page may scroll sideways, and the element each step needs is on screen.
 */
@MercatoTest
class PhoneLayoutPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @AfterEach
    void desktopAgain() {
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    /** Pages that scroll sideways, with how far, for the failure message. */
    private final List<String> overflowing = new ArrayList<>();

    private void check(String step) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) js.executeScript("return window.innerWidth")).longValue();
        if (scroll > inner) {
            overflowing.add(step + " (" + browser.path() + "): " + scroll + " > " + inner);
        }
    }

    private static boolean onScreen(WebElement element) {
        return element.isDisplayed() && element.getRect().getX() >= 0
                && element.getRect().getX() + element.getRect().getWidth() <= 390;
    }

    @Test
    void theMainJourneyFitsAPhoneInBothLanguages() {
        Merchant seller = market.signUpSeller("phone-seller", "TAOBAO");
        long category = market.category(300);
        JsonNode product = market.listedProduct(seller.store(), category, List.of(
                new SkuSpec(Map.of("colour", "red"), 12_900, 5), new SkuSpec(Map.of("colour", "blue"), 13_900, 5)));
        Member buyer = market.signUpBuyer("phone-buyer", 100_000);
        market.logIn(buyer);
        browser.driver().manage().window().setSize(new Dimension(390, 844));

        for (String language : List.of("en", "zh-CN")) {
            browser.open("/?lang=" + language);
            check("home " + language);
            browser.open("/search?q=" + product.get("title").asString().split(" ")[0]);
            check("search " + language);
            browser.open("/p/" + product.get("id").asLong());
            check("product " + language);
            assertThat(onScreen(browser.find("#add-to-cart"))).as("add to cart on screen").isTrue();
            assertThat(onScreen(browser.find("#price"))).isTrue();
            browser.clickAndWait("#add-to-cart");
            browser.open("/cart");
            check("cart " + language);
            browser.clickAndWait("#to-checkout");
            check("checkout " + language);
            browser.type("#address-recipient", "Li Lei");
            browser.type("#address-phone", "13800138000");
            browser.type("#address-line1", "1 Wensan Road");
            browser.type("#address-city", "Hangzhou");
            browser.type("#address-country", "CN");
            assertThat(onScreen(browser.find("#place-orders"))).isTrue();
            browser.clickAndWait("#place-orders");
            check("payment " + language);
            browser.clickAndWait("#pay");
            check("orders " + language);
            browser.open("/orders/" + market.anonymous().as(buyer.api().token()).get("/api/v1/orders").json().get(0).get("id").asLong());
            check("order " + language);
        }
        assertThat(overflowing).as("pages wider than the phone").isEmpty();
    }
}
