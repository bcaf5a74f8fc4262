package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator's lookup: a buyer found by email, an order by its number, a store by its name, and on each page the
 * history and the ledger postings of the account holder as they would see them.
 */
@MercatoTest
class OpsLookupPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void anOperatorFindsABuyerTheirOrderAndTheSellerAndReadsTheirPostings() {
        browser.serve(port);
        MarketFixture market = new MarketFixture(port);
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(200), 4_200, 10);
        String email = MarketFixture.uniqueEmail("looked-up-buyer");
        Api buyer = market.account("BUYER", email);
        market.topUp(buyer, 10_000);
        long orderId = market.paidOrder(buyer, sku, 1);
        String payment = "Payment of order " + orderId + " into escrow";

        browser.logIn(MarketFixture.OPERATOR_EMAIL, MarketFixture.OPERATOR_PASSWORD);
        browser.open("/ops/search");
        browser.type("#q", email);
        browser.clickAndWait("main form button");
        assertThat(browser.text("main")).contains(email);
        browser.clickAndWait("a[href='/ops/accounts/" + market.accountId(buyer) + "']");
        assertThat(browser.all("a[href='/ops/orders/" + orderId + "']")).hasSize(1);
        assertThat(browser.text("main")).contains("Wallet top-up via").contains(payment);

        browser.open("/ops/search");
        browser.type("#q", "#" + orderId);
        browser.clickAndWait("main form button");
        browser.clickAndWait("a[href='/ops/orders/" + orderId + "']");
        assertThat(browser.text("#postings")).contains(payment);

        browser.open("/ops/accounts/" + market.accountId(seller.api()));
        assertThat(browser.all("a[href='/ops/stores/" + seller.storeId() + "']")).hasSize(1);
        assertThat(browser.text("main")).contains(payment).doesNotContain("Wallet top-up via");
        browser.clickAndWait("a[href='/ops/stores/" + seller.storeId() + "']");
        assertThat(browser.all("a[href='/ops/orders/" + orderId + "']")).hasSize(1);
    }

    @Test
    void aSearchThatFindsNothingSaysSo() {
        browser.serve(port);
        browser.logIn(MarketFixture.OPERATOR_EMAIL, MarketFixture.OPERATOR_PASSWORD);
        browser.open("/ops/search?q=no-such-store-" + System.nanoTime());
        assertThat(browser.text("main")).contains("Nothing found.");
    }
}
