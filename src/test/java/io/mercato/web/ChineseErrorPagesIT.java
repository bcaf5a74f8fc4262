package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Chinese shop's error pages are in Chinese and never show an exception's text; the shop's search takes the
 * store kinds as the API spells them ({@code kind=tmall}).
 */
@MercatoTest
class ChineseErrorPagesIT {

    private static final long UNKNOWN = 987_654_321L;

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @AfterEach
    void backToEnglish() {
        browser.open("/?lang=en");
    }

    @Test
    void theShopSearchTakesALowercaseStoreKindLikeTheApi() {
        browser.open("/search?kind=tmall&lang=zh-CN");

        assertThat(browser.all(".error-page")).isEmpty();
        assertThat(browser.all("#search-error")).isEmpty();
        assertThat(browser.text("h1")).isEqualTo("全部商品");

        browser.open("/search?kind=TMALL&sort=price_asc");
        assertThat(browser.all(".error-page")).isEmpty();
    }

    @Test
    void aBadParameterIsAChinesePageWithoutExceptionText() {
        browser.open("/search?kind=nonsense&lang=zh-CN");

        assertThat(browser.text(".error-page .code")).isEqualTo("400");
        assertThat(browser.text(".error-page h1")).isEqualTo("操作未成功");
        assertThat(browser.text(".error-page .muted")).isEqualTo("“kind” 的值无效。");
        assertNoExceptionText();

        browser.open("/search?page=abc");
        assertThat(browser.text(".error-page .muted")).isEqualTo("“page” 的值无效。");
        assertNoExceptionText();
    }

    @Test
    void aMissingProductIsAChinesePageNamingItInChinese() {
        browser.open("/p/" + UNKNOWN + "?lang=zh-CN");

        assertThat(browser.text("#error-404 h1")).isEqualTo("页面不存在");
        assertThat(browser.text("#error-404 .muted")).contains("商品 " + UNKNOWN).doesNotContain("Product");
        assertNoExceptionText();
    }

    @Test
    void aWrongPasswordIsRefusedInChinese() {
        browser.open("/login?lang=zh-CN");
        browser.type("#username", "nobody-" + System.nanoTime() + "@example.com");
        browser.type("#password", "not-the-password");
        browser.clickAndWait("#login-submit");

        assertThat(browser.text("#error")).isEqualTo("邮箱或密码错误");
        assertNoExceptionText();
    }

    private static void assertNoExceptionText() {
        String page = browser.driver().getPageSource();
        assertThat(page).doesNotContain("Exception", "java.", "Failed to convert", "No enum constant");
    }
}
