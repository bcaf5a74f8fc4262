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

/** A dispute from escalation to decision through the three apps' pages, in both languages and at a phone's width. */
@MercatoTest
class DisputePagesIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void theBuyerEscalatesTheSellerAnswersTheOperatorDecidesAndBothSeeTheOutcome() {
        Merchant seller = market.signUpSeller("dispute-seller", "TAOBAO");
        long sku = market.listedSku(seller.store(), market.category(200), 5_000, 20);
        Member buyer = market.signUpBuyer("dispute-buyer", 100_000);
        long orderId = market.paidOrder(buyer.api(), sku, 2);
        assertThat(seller.api().post("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF5550001")).status()).isEqualTo(200);
        assertThat(seller.api().post("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);
        long refundId = buyer.api().create("/api/v1/orders/" + orderId + "/refunds", Map.of("reason", "Both scratched"))
                .id();
        assertThat(seller.api().post("/api/v1/refunds/" + refundId + "/rejection", Map.of("note", "Worn by use"))
                .status()).isEqualTo(200);
        long walletBefore = market.walletBalance(buyer.api());

        market.logIn(buyer);
        browser.open("/orders/" + orderId);
        browser.clickAndWait(".escalate");
        browser.type("#statement", "They came scratched out of the box.");
        browser.clickAndWait("#escalate");
        assertThat(browser.text("#notice")).contains("dispute is open");
        String disputePath = browser.path();
        long disputeId = Long.parseLong(disputePath.substring(disputePath.lastIndexOf('/') + 1));

        market.logIn(market.signUpBuyer("dispute-stranger", 0));
        browser.open("/disputes/" + disputeId);
        assertThat(browser.driver().getPageSource()).doesNotContain("scratched out of the box");

        market.logIn(seller);
        browser.open("/seller/disputes?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("纠纷");
        browser.clickAndWait("#disputes tr[data-id='" + disputeId + "'] a");
        browser.type("#statement", "包装完好，签收时无异议。");
        browser.clickAndWait("#state");
        assertThat(browser.text("#seller-side .statement")).isEqualTo("包装完好，签收时无异议。");
        browser.open("/seller/disputes?lang=en");

        market.logInAsOperator();
        browser.open("/ops/disputes?status=OPEN");
        browser.clickAndWait("#disputes tr[data-id='" + disputeId + "'] a");
        assertThat(browser.text("#buyer-side .statement")).isEqualTo("They came scratched out of the box.");
        fitsAPhone(browser.path());
        browser.find("#outcome-full").click();
        browser.type("#note", "The carrier's photos show the scratches.");
        browser.clickAndWait("#decide");
        assertThat(browser.text("#outcome")).isEqualTo("Refund in full · refunded ¥100.00");
        assertThat(market.walletBalance(buyer.api())).isEqualTo(walletBefore + 10_000);

        market.logIn(buyer);
        browser.open("/disputes/" + disputeId);
        assertThat(browser.text("#outcome")).isEqualTo("Refund in full · refunded ¥100.00");
        assertThat(browser.all("#statement")).isEmpty();
        market.logIn(seller);
        browser.open("/seller/disputes/" + disputeId);
        assertThat(browser.text("#decision-note")).isEqualTo("The carrier's photos show the scratches.");
        assertThat(List.of(browser.text("#dispute-status"))).containsExactly("Decided");
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
