package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** People only see their own things: someone else's order or product editor is the 403 page. */
@MercatoTest
class PageAccessPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    MarketFixture market;

    @BeforeEach
    void setUp() {
        browser.serve(port);
        market = new MarketFixture(port);
    }

    @Test
    void aBuyerCannotOpenAnotherBuyersOrder() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(200), 2_500, 10);
        long theirOrder = market.paidOrder(market.buyer(10_000), sku, 1);
        String email = MarketFixture.uniqueEmail("nosy-buyer");
        Api nosy = market.account("BUYER", email);
        market.topUp(nosy, 10_000);
        long ownOrder = market.paidOrder(nosy, sku, 1);

        browser.logIn(email, MarketFixture.PASSWORD);
        browser.open("/orders/" + ownOrder);
        assertThat(browser.text("#order-status")).isEqualTo("Paid");
        browser.open("/orders/" + theirOrder);
        assertThat(browser.find("#error-403").getText()).contains("This page is not yours");
        assertThat(browser.all("#timeline")).isEmpty();
    }

    @Test
    void aSellerCannotOpenAnotherSellersProductEditor() {
        long category = market.category(200);
        Seller other = market.seller("TAOBAO");
        long theirProduct = market.listedProduct(other, category,
                java.util.List.of(new MarketFixture.SkuSpec(java.util.Map.of("size", "M"), 9_900, 5))).get("id").asLong();
        String email = MarketFixture.uniqueEmail("nosy-seller");
        Api sellerApi = market.account("SELLER", email);
        Seller own = new Seller(sellerApi, market.openStore(sellerApi, "LOCAL"));
        long ownProduct = market.listedProduct(own, category,
                java.util.List.of(new MarketFixture.SkuSpec(java.util.Map.of("size", "L"), 4_900, 5))).get("id").asLong();

        browser.logIn(email, MarketFixture.PASSWORD);
        browser.open("/seller/products/" + ownProduct);
        assertThat(browser.find("#product-form")).isNotNull();
        browser.open("/seller/products/" + theirProduct);
        assertThat(browser.find("#error-403").getText()).contains("This page is not yours");
        assertThat(browser.all("#product-form")).isEmpty();
    }

    @Test
    void eachAreaNeedsItsRoleAndUnknownPagesAre404() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/ops");
        assertThat(browser.path()).isEqualTo("/login");

        String email = MarketFixture.uniqueEmail("seller");
        Api sellerApi = market.account("SELLER", email);
        market.openStore(sellerApi, "TAOBAO");
        browser.logIn(email, MarketFixture.PASSWORD);
        browser.open("/ops");
        assertThat(browser.find("#error-403")).isNotNull();
        browser.open("/orders");
        assertThat(browser.find("#error-403")).isNotNull();
        browser.open("/no-such-page");
        assertThat(browser.find("#error-404")).isNotNull();
    }
}
