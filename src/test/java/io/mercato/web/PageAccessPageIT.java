package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MarketFixture.Seller;
import io.mercato.MarketFixture.SkuSpec;
import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** People only see their own things: someone else's order or product editor is the 403 page. */
@MercatoTest
class PageAccessPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void aBuyerCannotOpenAnotherBuyersOrder() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(200), 2_500, 10);
        long theirOrder = market.paidOrder(market.buyer(10_000), sku, 1);
        Member nosy = market.signUpBuyer("nosy-buyer", 10_000);
        long ownOrder = market.paidOrder(nosy.api(), sku, 1);

        market.logIn(nosy);
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
                List.of(new SkuSpec(Map.of("size", "M"), 9_900, 5))).get("id").asLong();
        Merchant nosy = market.signUpSeller("nosy-seller", "LOCAL");
        long ownProduct = market.listedProduct(nosy.store(), category,
                List.of(new SkuSpec(Map.of("size", "L"), 4_900, 5))).get("id").asLong();

        market.logIn(nosy);
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

        market.logIn(market.signUpSeller("seller", "TAOBAO"));
        browser.open("/ops");
        assertThat(browser.find("#error-403")).isNotNull();
        browser.open("/orders");
        assertThat(browser.find("#error-403")).isNotNull();
        browser.open("/no-such-page");
        assertThat(browser.find("#error-404")).isNotNull();
    }
}
