package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** The operations console's lists, filters, names and date ranges, in a real browser. */
@MercatoTest
class OpsConsolePageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void theOrderListCombinesFiltersAndShowsNamesThatLinkToDetails() {
        Merchant seller = market.signUpSeller("ops-list-seller", "TAOBAO");
        long sku = market.listedSku(seller.store(), market.category(200), 2_500, 20);
        Member buyer = market.signUpBuyer("ops-list-buyer", 100_000);
        long first = market.paidOrder(buyer.api(), sku, 1);
        long second = market.paidOrder(buyer.api(), sku, 1);
        assertThat(buyer.api().create("/api/v1/orders/" + first + "/cancellation", java.util.Map.of("reason", "changed my mind"))
                .status()).isIn(200, 201);

        market.logInAsOperator();
        browser.open("/ops/orders?buyer=" + buyer.email() + "&store=" + seller.store().storeId() + "&status=PAID");
        browser.find("#total");
        assertThat(browser.all("#list tr[data-id]")).extracting(e -> e.getAttribute("data-id"))
                .containsExactly(String.valueOf(second));
        String buyerName = browser.text("#list .buyer");
        assertThat(buyerName).doesNotContain("buyer:").doesNotMatch("[0-9]+");
        browser.clickAndWait("#list tr[data-id] td a");
        assertThat(browser.path()).isEqualTo("/ops/orders/" + second);
        assertThat(browser.driver().getPageSource()).doesNotContain("ESCROW:").doesNotContain("buyer:");
        assertThat(browser.driver().getPageSource()).contains("Escrow");

        browser.open("/ops/orders?buyer=" + buyer.email());
        browser.find("#total");
        assertThat(browser.all("#list tr[data-id]")).hasSize(2);
        browser.open("/ops/orders?buyer=nobody-at-all@example.com");
        browser.find("#total");
        assertThat(browser.all("#list tr[data-id]")).isEmpty();
    }

    @Test
    void storeBuyerAndProductListsFilterAndPage() {
        Merchant seller = market.signUpSeller("ops-stores", "TAOBAO");
        market.listedSku(seller.store(), market.category(200), 1_000, 5);
        Member buyer = market.signUpBuyer("ops-buyers", 1_000);

        market.logInAsOperator();
        browser.open("/ops/stores?q=" + seller.store().storeId() + "&kind=TAOBAO");
        browser.find("#total");
        // The text matches the store id and any name containing it, so other stores may be listed beside it.
        assertThat(browser.all("#list tr[data-id]")).extracting(e -> e.getAttribute("data-id"))
                .contains(String.valueOf(seller.store().storeId()));
        browser.open("/ops/stores?q=" + seller.store().storeId() + "&kind=TMALL");
        browser.find("#total");
        assertThat(browser.all("#list tr[data-id]")).extracting(e -> e.getAttribute("data-id"))
                .doesNotContain(String.valueOf(seller.store().storeId()));

        browser.open("/ops/buyers?q=" + buyer.email());
        browser.find("#total");
        assertThat(browser.all("#list tr[data-id]")).hasSize(1);
        browser.clickAndWait("#list tr[data-id] td a");
        assertThat(browser.path()).startsWith("/ops/accounts/");

        browser.open("/ops/products?store=" + seller.store().storeId() + "&status=LISTED");
        browser.find("#total");
        assertThat(browser.all("#list tr[data-id]")).hasSize(1);
        browser.open("/ops/products?store=" + seller.store().storeId() + "&status=DELISTED&lang=zh-CN");
        browser.find("#total");
        assertThat(browser.all("#list tr[data-id]")).isEmpty();
        assertThat(browser.text("#total")).isEqualTo("共 0 条");
        browser.open("/ops/products?lang=en");
    }

    @Test
    void theOverviewChartsFollowTheDateRangeAndItsPresets() {
        market.logInAsOperator();
        browser.open("/ops?days=7");
        assertThat(browser.all(".date-range .chip.on")).extracting(WebElement::getText).containsExactly("Last 7 days");
        String seven = browser.text("#range-label");
        browser.open("/ops?from=2026-11-01&to=2026-11-10");
        assertThat(browser.find("#range-from").getAttribute("value")).isEqualTo("2026-11-01");
        assertThat(browser.text("#range-label")).isNotEqualTo(seven);
        assertThat(browser.all(".date-range .chip.on")).isEmpty();
    }
}
