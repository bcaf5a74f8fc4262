package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Billing's pages in a real browser: the operator's fee rules and CMR report, the seller's statement. */
@MercatoTest
class BillingPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void anOperatorAddsAFeeRuleVersionForAStoreAndBadInputIsExplained() {
        Merchant seller = market.signUpSeller("rule-seller", "TAOBAO");
        long storeId = seller.store().storeId();
        market.logInAsOperator();
        browser.open("/ops/billing/rules");
        assertThat(browser.text("#rules")).contains("Software service fee").contains("0.60%");

        browser.type("#rule-store", String.valueOf(storeId));
        browser.type("#rule-rate", "45");
        browser.clickAndWait("#rule-submit");
        assertThat(browser.text("#error")).contains("3000");

        browser.type("#rule-store", String.valueOf(storeId));
        browser.type("#rule-rate", "0.8");
        browser.type("#rule-note", "negotiated rate");
        browser.clickAndWait("#rule-submit");
        assertThat(browser.text("#notice")).isEqualTo("The fee rule version was added.");
        assertThat(browser.all("#rules tr").stream().map(row -> row.getText())
                .filter(text -> text.contains("store " + storeId)).findFirst().orElseThrow())
                .contains("0.80%").contains("negotiated rate");

        browser.open("/ops/billing");
        assertThat(browser.find("#chart-cmr canvas")).isNotNull();
        assertThat(browser.text("#cmr-take")).endsWith("%");

        market.logIn(seller);
        browser.open("/ops/billing/rules");
        assertThat(browser.all("#rule-form")).as("a seller never sees the operator's fee rules").isEmpty();
    }

    @Test
    void aSellerReadsTheMonthsStatementThatReconciles() {
        Merchant seller = market.signUpSeller("statement-seller", "TAOBAO");
        Member buyer = market.signUpBuyer("statement-buyer", 100_000);
        long sku = market.listedSku(seller.store(), market.category(0), 10_000, 10);
        long orderId = market.paidOrder(buyer.api(), sku, 2);
        Api shop = seller.api();
        assertThat(shop.post("/api/v1/orders/" + orderId + "/shipment", Map.of("carrier", "SF Express", "trackingNumber",
                "SF1234567890")).status()).isEqualTo(200);
        assertThat(shop.post("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);
        assertThat(buyer.api().post("/api/v1/orders/" + orderId + "/receipt-confirmation", null).status()).isEqualTo(200);

        market.logIn(seller);
        browser.open("/seller");
        browser.clickAndWait("#nav-billing");
        assertThat(browser.path()).startsWith("/seller/billing");
        assertThat(browser.text("#st-settled")).isEqualTo("¥200.00");
        assertThat(browser.text("#st-fees")).isEqualTo("¥1.20");
        assertThat(browser.text("#st-closing")).isEqualTo("¥198.80");
        assertThat(browser.text("#fees-by-rule")).contains("Software service fee").contains("0.60%").contains("¥1.20");
        assertThat(browser.text("#st-reconciles")).contains("reconciles with the ledger");
        assertThat(browser.text("section[data-store='" + seller.store().storeId() + "']"))
                .contains("Software service fee: 0.60%");

        // The buyer confirmed receipt, yet may still return the goods within the window.
        market.logIn(buyer);
        browser.open("/orders/" + orderId);
        browser.type("#refund-reason", "The second one is cracked");
        browser.clickAndWait("#request-refund");
        assertThat(buyer.api().get("/api/v1/orders/" + orderId).json().get("refunds").get(0).get("status").asString())
                .isEqualTo("REQUESTED");
    }
}
