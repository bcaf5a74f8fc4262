package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's exchange rates in a real browser: a pasted CSV with a bad row is refused naming the row and column and
 * kept for correcting, the refusal is listed, the corrected CSV loads; in both languages and at a phone's width.
 */
@MercatoTest
class FxPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Autowired
    MutableClock clock;

    @Test
    void anOperatorLoadsRatesFromAPastedCsvAndSeesWhatWasRefused() {
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        market.logInAsOperator();
        browser.open("/ops/fx?lang=en");
        assertThat(browser.text("h1")).isEqualTo("Exchange rates");

        browser.type("#csv", "date,currency,rate\n" + today.minusDays(1) + ",HKD,0.91\n" + today + ",HKD,0\n");
        browser.clickAndWait("#load");
        assertThat(browser.text("#error")).contains("Row 3, column rate").contains("above zero");
        assertThat(browser.find("#csv").getAttribute("value")).contains(today + ",HKD,0");
        assertThat(browser.text("#refused")).contains("Zero or negative rate");

        browser.find("#csv").clear();
        browser.type("#csv", "date,currency,rate\n" + today.minusDays(1) + ",HKD,0.91\n" + today + ",HKD,0.92\n");
        browser.clickAndWait("#load");
        assertThat(browser.text("#notice")).isEqualTo("Rates loaded.");
        assertThat(browser.text("#loaded")).contains("2 rates of HKD");
        assertThat(browser.text("#rates tr[data-currency='HKD']")).contains(today.toString()).contains("0.92");

        browser.open("/ops/fx?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("汇率");
        assertThat(browser.text("#refused")).contains("汇率为零或负数");
        browser.open("/ops/fx?lang=en");

        var window = browser.driver().manage().window();
        Dimension before = window.getSize();
        window.setSize(new Dimension(390, 844));
        try {
            browser.open("/ops/fx");
            Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.querySelector('main').scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
        } finally {
            window.setSize(before);
        }
    }

    @Test
    void aBuyerWhoShowsPricesInEurosSeesTheOrderInEurosWithTheRate() {
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        StringBuilder csv = new StringBuilder("date,currency,rate\n");
        for (int back = 20; back >= 0; back--) {
            csv.append(today.minusDays(back)).append(",EUR,7.65\n");
        }
        market.logInAsOperator();
        browser.open("/ops/fx?lang=en");
        browser.type("#csv", csv.toString());
        browser.clickAndWait("#load");
        assertThat(browser.text("#notice")).isEqualTo("Rates loaded.");

        var seller = market.signUpSeller("fx-page-seller", "TAOBAO");
        var buyer = market.signUpBuyer("fx-page-buyer", 100_000);
        assertThat(buyer.api().put("/api/v1/fx/display-currency", java.util.Map.of("currency", "EUR")).status()).isEqualTo(200);
        long sku = market.listedSku(seller.store(), market.category(0), 10_000, 10);
        long orderId = market.paidOrder(buyer.api(), sku, 1);

        market.logIn(buyer);
        browser.open("/orders/" + orderId + "?lang=en");
        assertThat(browser.text("#buyer-amount")).contains("13.07").contains("0.13071895 EUR per CNY");
        assertThat(browser.all("#shipping-fee")).as("a store without a template charges no shipping").isEmpty();
        browser.open("/orders/" + orderId + "?lang=zh-CN");
        assertThat(browser.text("#buyer-amount")).startsWith("约").contains("1 CNY = 0.13071895 EUR");
        browser.open("/orders/" + orderId + "?lang=en");
    }
}
