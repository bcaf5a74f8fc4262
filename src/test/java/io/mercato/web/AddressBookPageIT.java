package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.SkuSpec;
import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Checkout picks from the buyer's address book, and the order shows the province and postcode. */
@MercatoTest
class AddressBookPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    private static void choose(String select, String value) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> !browser.all(select + " option[value='" + value + "']").isEmpty());
        browser.find(select + " option[value='" + value + "']").click();
    }

    @Test
    void aBuyerAddsAChineseAddressFromTheRegionListsAndAWrongPhoneIsShownOnItsField() {
        Member buyer = market.signUpBuyer("book-page", 0);
        market.logIn(buyer);
        browser.open("/addresses?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("我的收货地址");
        browser.type("#book-recipient", "李雷");
        browser.type("#book-phone", "12345");
        choose("#book-province", "330000");
        choose("#book-city", "330100");
        choose("#book-district", "330106");
        browser.type("#book-detail", "文三路 1 号");
        browser.type("#book-postcode", "310012");
        browser.clickAndWait("#save-address");
        assertThat(browser.text("#error")).isEqualTo("“12345”不是中国大陆手机号（以 13–19 开头的 11 位数字）");
        assertThat(browser.find("label.invalid #book-phone")).isNotNull();
        assertThat(browser.find("#book-district option[value='330106']").isSelected()).as("choices kept").isTrue();

        browser.type("#book-phone", "138 0013 8000");
        browser.clickAndWait("#save-address");
        assertThat(browser.text("#notice")).isEqualTo("地址已保存。");
        assertThat(browser.text("#saved-addresses li")).contains("浙江省 杭州市 西湖区 文三路 1 号 (310012)").contains("默认");
        browser.open("/addresses?lang=en");
    }

    @Test
    void checkoutFillsTheAddressFromTheBookAndTheOrderShowsProvinceAndPostcode() {
        Merchant seller = market.signUpSeller("book-seller", "TAOBAO");
        JsonNode product = market.listedProduct(seller.store(), market.category(200),
                List.of(new SkuSpec(Map.of("colour", "red"), 2_000, 10)));
        Member buyer = market.signUpBuyer("book-buyer", 100_000);
        Api api = buyer.api();
        assertThat(api.create("/api/v1/addresses", Map.of("recipient", "李雷", "phone", "13800138000",
                "provinceCode", "330000", "cityCode", "330100", "districtCode", "330106",
                "detail", "文三路 1 号", "postalCode", "310012")).status()).isEqualTo(201);
        long beijing = api.create("/api/v1/addresses", Map.of("recipient", "韩梅梅", "phone", "13900139000",
                "provinceCode", "110000", "cityCode", "110100", "districtCode", "110105",
                "detail", "建国路 88 号", "postalCode", "100022")).id();

        market.logIn(buyer);
        browser.open("/p/" + product.get("id").asLong());
        browser.clickAndWait("#add-to-cart");
        browser.open("/checkout");
        assertThat(browser.all("#address-book li")).hasSize(2);
        assertThat(browser.find("#address-recipient").getAttribute("value")).as("the default").isEqualTo("李雷");
        assertThat(browser.find("#address-province").getAttribute("value")).isEqualTo("浙江省");

        browser.clickAndWait("#address-book a[data-address='" + beijing + "']");
        assertThat(browser.find("#address-recipient").getAttribute("value")).isEqualTo("韩梅梅");
        assertThat(browser.find("#address-city").getAttribute("value")).isEqualTo("北京市");
        assertThat(browser.find("#address-line2").getAttribute("value")).isEqualTo("朝阳区");
        assertThat(browser.find("#address-postalCode").getAttribute("value")).isEqualTo("100022");
        browser.clickAndWait("#place-orders");
        browser.clickAndWait("#pay");

        browser.open("/orders/" + api.get("/api/v1/orders").json().get(0).get("id").asLong());
        assertThat(browser.text("#order-address")).isEqualTo("韩梅梅, 13900139000, 北京市 朝阳区 建国路 88 号, 100022");
    }
}
