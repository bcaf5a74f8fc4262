package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The assistant's pages in a real browser: the buyer's assistant (refund proposed, then confirmed), the shopping guide
 * from the search page, both languages and a phone's width; the seller centre's report with its chart and the copilot.
 */
@MercatoTest
class AssistantPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void aBuyerAsksInChineseGetsARefundProposedAndConfirmsItOnThePage() {
        Merchant seller = market.signUpSeller("assistant-seller", "TAOBAO");
        Member buyer = market.signUpBuyer("assistant-buyer", 100_000);
        long sku = market.listedSku(seller.store(), market.category(0), 10_000, 10);
        long orderId = market.paidOrder(buyer.api(), sku, 1);

        market.logIn(buyer);
        browser.open("/assistant?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("智能客服");
        browser.type("#assistant-question", "订单" + orderId + "我要退款");
        browser.clickAndWait("#assistant-send");
        assertThat(browser.text("#assistant-text")).contains("订单 " + orderId, "¥100.00", "确认");
        assertThat(browser.text("#assistant-sources")).contains("订单 " + orderId);
        assertThat(market.walletBalance(buyer.api())).as("nothing moved yet").isEqualTo(90_000);

        browser.clickAndWait("#confirm-refund button");
        assertThat(browser.text("#assistant-text")).contains("已完成", String.valueOf(orderId));
        assertThat(market.walletBalance(buyer.api())).isEqualTo(100_000);

        browser.open("/assistant?lang=en");
        browser.type("#assistant-question", "show order " + (orderId + 100_000));
        browser.clickAndWait("#assistant-send");
        assertThat(browser.text("#assistant-text")).contains("cannot find order " + (orderId + 100_000));
        fitsAPhone("/assistant?lang=zh-CN");
    }

    @Test
    void theShoppingGuideIsReachedFromTheSearchPageAndSaysWhichFiltersItApplied() {
        Merchant seller = market.signUpSeller("guide-seller", "TAOBAO");
        long category = market.category(0);
        Map<String, Object> product = Map.of("title", "Trail Running Shoes 越野跑鞋", "description", "Light",
                "categoryId", category, "images", List.of("https://img.example.com/p.jpg"),
                "skus", List.of(Map.of("attributes", Map.of("size", "42"), "priceMinor", 39_900, "initialStock", 5)));
        long productId = seller.api().create("/api/v1/stores/" + seller.store().storeId() + "/products", product).id();
        assertThat(seller.api().post("/api/v1/products/" + productId + "/listing", null).status()).isEqualTo(200);

        browser.open("/search?q=" + java.net.URLEncoder.encode("running shoes 500元以内", java.nio.charset.StandardCharsets.UTF_8)
                + "&lang=zh-CN");
        browser.clickAndWait("#search-guide-link");
        assertThat(browser.path()).startsWith("/guide");
        long end = System.nanoTime() + 60_000_000_000L;
        while (browser.all("#guide-results li").isEmpty() && System.nanoTime() < end) {
            browser.open("/guide?q=" + java.net.URLEncoder.encode("running shoes 500元以内", java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(browser.text("#guide-applied")).contains("¥500.00 以内");
        assertThat(browser.text("#guide-results")).contains("Trail Running Shoes", "在您的预算 ¥500.00 以内");
        fitsAPhone("/guide?q=running+shoes+under+500+yuan&lang=en");
        assertThat(browser.text("#guide-applied")).contains("up to ¥500.00");
    }

    @Test
    void aSellerReadsTheWeeklyReportWithItsChartAndDraftsAListing() {
        Merchant seller = market.signUpSeller("report-seller", "TAOBAO");
        market.logIn(seller);
        browser.open("/seller/assistant?lang=en");
        assertThat(browser.text("#weekly-report")).contains("Weekly report", "Sales:", "No paid orders this week");
        assertThat(browser.find("#chart-week canvas")).isNotNull();

        browser.type("#copilot-product", "Ceramic Mug");
        browser.type("#copilot-brand", "Lumen");
        browser.type("#copilot-facts", "350 ml\ndishwasher safe");
        browser.type("#copilot-attributes", "colour: white");
        browser.clickAndWait("#copilot-go");
        assertThat(browser.text("#draft-title-en")).isEqualTo("Lumen Ceramic Mug, 350 ml, dishwasher safe");
        assertThat(browser.text("#draft-title-zh")).isEqualTo("Lumen Ceramic Mug 350 ml dishwasher safe");

        browser.type("#copilot-product", "Mug");
        browser.type("#copilot-image", "javascript:alert(1)");
        browser.clickAndWait("#copilot-go");
        assertThat(browser.text("#copilot-error")).isEqualTo("The image address must be an http or https URL.");

        browser.open("/seller/assistant?lang=zh-CN");
        assertThat(browser.text("#weekly-report")).contains("经营周报", "本周没有已付款订单");
    }

    private static void fitsAPhone(String path) {
        var window = browser.driver().manage().window();
        Dimension before = window.getSize();
        window.setSize(new Dimension(390, 844));
        try {
            browser.open(path);
            Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.querySelector('main').scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).longValue()).as("%s is wider than a phone by", path).isLessThanOrEqualTo(0);
        } finally {
            window.setSize(before);
        }
    }
}
