package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.time.Duration;
import io.mercato.MarketFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Favourites, the store's home and "Buy now" in the browser: a buyer keeps a product and follows its store (the
 * store counts its followers), finds both on the favourites page and drops them; "Buy now" checks out one SKU
 * without touching the cart, and the units sold show on the product and store pages.
 */
@MercatoTest
class FavouritesAndBuyNowPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void aBuyerKeepsAProductAndAStoreAndDropsThem() {
        Merchant seller = market.signUpSeller("fav-seller", "TAOBAO");
        long productId = product(seller, 2_500).get("id").asLong();
        long storeId = seller.store().storeId();
        Member buyer = market.signUpBuyer("fav-buyer", 10_000);

        market.logIn(buyer);
        browser.open("/p/" + productId + "?lang=zh-CN");
        assertThat(browser.text("#favourite-product")).isEqualTo("♡ 收藏宝贝");
        browser.clickAndWait("#favourite-product");
        assertThat(browser.text("#notice")).isEqualTo("已加入收藏夹。");
        assertThat(browser.text("#favourite-product")).isEqualTo("♥ 取消收藏");

        browser.open("/s/" + storeId + "?lang=en");
        assertThat(browser.text("#store-followers")).isEqualTo("No followers yet");
        browser.clickAndWait("#favourite-store");
        assertThat(browser.text("#notice")).isEqualTo("You follow this store now.");
        assertThat(browser.text("#store-followers")).isEqualTo("1 follower");
        assertThat(browser.find("#store-products [data-product='" + productId + "']")).isNotNull();

        browser.open("/favourites?lang=en");
        assertThat(browser.text("#favourite-products")).contains(market.anonymous()
                .get("/api/v1/products/" + productId).json().get("title").asString());
        assertThat(browser.all("#favourite-stores li[data-store='" + storeId + "']")).hasSize(1);
        PhoneWidth.fits(browser, "/favourites");
        browser.open("/favourites?lang=en");
        browser.clickAndWait("#unfavourite-" + productId);
        browser.clickAndWait("#unfollow-" + storeId);
        assertThat(browser.text("#no-favourite-products")).startsWith("No favourite products yet");
        assertThat(browser.text("#no-favourite-stores")).startsWith("No favourite stores yet");
        browser.open("/favourites?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("收藏夹");

        browser.driver().manage().deleteAllCookies();
        browser.open("/p/" + productId);
        browser.clickAndWait("#favourite-product");
        assertThat(browser.path()).as("keeping favourites needs a login").startsWith("/login");
        browser.open("/?lang=en");
    }

    @Test
    void buyNowChecksOutOneSkuAndLeavesTheCartAsItWas() {
        Merchant seller = market.signUpSeller("buynow-seller", "TAOBAO");
        JsonNode product = product(seller, 3_000);
        long productId = product.get("id").asLong();
        long sku = product.get("skus").get(0).get("id").asLong();
        long inCart = market.listedSku(seller.store(), market.category(200), 1_000, 20);
        Member buyer = market.signUpBuyer("buynow-buyer", 100_000);
        assertThat(buyer.api().put("/api/v1/cart/items/" + inCart, Map.of("quantity", 3)).status()).isEqualTo(200);

        market.logIn(buyer);
        browser.open("/p/" + productId + "?lang=en");
        browser.type("#quantity", "2");
        browser.clickAndWait("#buy-now");
        assertThat(browser.path()).startsWith("/checkout/buy-now");
        assertThat(browser.text("#buy-now-note")).contains("your cart stays as it is");
        PhoneWidth.fits(browser, browser.path());
        browser.type("#address-recipient", "Li Lei");
        browser.type("#address-phone", "+86 138 0013 8000");
        browser.type("#address-line1", "1 Wensan Road");
        browser.type("#address-city", "Hangzhou");
        browser.type("#address-country", "CN");
        browser.clickAndWait("#place-orders");
        assertThat(browser.path()).matches("/checkout/\\d+");
        browser.clickAndWait("#pay");

        JsonNode orders = buyer.api().get("/api/v1/orders?size=10").json();
        JsonNode order = (orders.has("items") ? orders.get("items") : orders).get(0);
        assertThat(order.get("lines")).hasSize(1);
        assertThat(order.get("lines").get(0).get("skuId").asLong()).isEqualTo(sku);
        assertThat(order.get("lines").get(0).get("quantity").asLong()).isEqualTo(2);
        JsonNode cart = buyer.api().get("/api/v1/cart").json();
        assertThat(cart.toString()).contains("\"skuId\":" + inCart).doesNotContain("\"skuId\":" + sku + ",");

        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> {
            browser.open("/p/" + productId + "?lang=zh-CN");
            return browser.text("#sold").equals("已售 2");
        });
        browser.open("/s/" + seller.store().storeId() + "?lang=en");
        assertThat(browser.text("#store-products [data-product='" + productId + "'] .sold")).isEqualTo("2 sold");

        browser.open("/checkout/buy-now?sku=" + sku + "&quantity=0&lang=en");
        assertThat(browser.text("#error")).contains("Quantity must be between 1 and 999");
        browser.open("/?lang=en");
    }

    private static JsonNode product(Merchant seller, long priceMinor) {
        return market.listedProduct(seller.store(), market.category(200),
                List.of(new MarketFixture.SkuSpec(Map.of("colour", "red"), priceMinor, 20)));
    }
}
