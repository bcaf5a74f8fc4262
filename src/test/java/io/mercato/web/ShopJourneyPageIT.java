package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MarketFixture.Seller;
import io.mercato.MarketFixture.SkuSpec;
import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The whole marketplace through its pages in a real browser: a buyer browses, picks two SKUs from two stores,
 * checks out and pays from the wallet; the seller ships; the buyer confirms receipt; the operator's overview
 * counts the new GMV.
 */
@MercatoTest
class ShopJourneyPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void buyerBuysFromTwoStoresSellerShipsBuyerConfirmsOperatorSeesTheGmv() {
        Merchant sellerA = market.signUpSeller("page-seller", "TAOBAO");
        Seller sellerB = market.seller("TMALL");
        long category = market.category(300);
        JsonNode jacket = market.listedProduct(sellerA.store(), category, List.of(
                new SkuSpec(Map.of("colour", "red"), 12_900, 5),
                new SkuSpec(Map.of("colour", "blue"), 13_900, 3),
                new SkuSpec(Map.of("colour", "green"), 14_900, 0)));
        JsonNode tea = market.listedProduct(sellerB, category, List.of(new SkuSpec(Map.of("weight", "250g"), 5_990, 10)));
        Member buyer = market.signUpBuyer("page-buyer", 100_000);

        market.logInAsOperator();
        browser.open("/ops");
        long gmvBefore = minor(browser.text("#kpi-gmv"));
        long ordersBefore = Long.parseLong(browser.text("#kpi-orders"));

        // The buyer browses from the home page into the category and opens the jacket.
        market.logIn(buyer);
        browser.open("/");
        browser.clickAndWait("a.chip[href='/c/" + category + "']");
        assertThat(browser.all(".card a[href='/p/" + jacket.get("id").asLong() + "']")).hasSize(1);
        browser.clickAndWait(".card a[href='/p/" + jacket.get("id").asLong() + "']");
        assertThat(browser.text("#price")).isEqualTo("¥129.00");

        // The SKU picker swaps price and availability in place (htmx); a sold-out colour says so.
        long green = jacket.get("skus").get(2).get("id").asLong();
        browser.find(".sku[data-sku='" + green + "']").click();
        waitForText("#availability", "Out of stock");
        assertThat(browser.find("#add-to-cart").isEnabled()).isFalse();
        long blue = jacket.get("skus").get(1).get("id").asLong();
        browser.find(".sku[data-sku='" + blue + "']").click();
        waitForText("#price", "¥139.00");
        waitForText("#availability", "3 available");
        browser.type("#quantity", "2");
        browser.clickAndWait("#add-to-cart");
        assertThat(browser.text("#notice")).isEqualTo("Added to your cart.");

        browser.open("/p/" + tea.get("id").asLong());
        browser.clickAndWait("#add-to-cart");

        browser.open("/cart");
        assertThat(browser.all(".store-group")).hasSize(2);
        assertThat(browser.text("#cart-total")).isEqualTo("¥337.90");

        // A wrong phone number is reported on the field; the corrected address places one order per store.
        browser.clickAndWait("#to-checkout");
        browser.type("#address-recipient", "Li Lei");
        browser.type("#address-phone", "call me");
        browser.type("#address-line1", "1 Wensan Road");
        browser.type("#address-city", "Hangzhou");
        browser.type("#address-country", "CN");
        browser.clickAndWait("#place-orders");
        assertThat(browser.text("label.invalid .field-error")).contains("not a phone number");
        browser.type("#address-phone", "+86 138 0013 8000");
        browser.clickAndWait("#place-orders");
        assertThat(browser.text("#amount-due")).isEqualTo("¥337.90");
        browser.clickAndWait("#pay");
        assertThat(browser.path()).isEqualTo("/orders");
        assertThat(browser.all(".order-row .s-PAID")).hasSize(2);

        // The seller ships with a carrier and tracking number.
        market.logIn(sellerA);
        assertThat(browser.path()).isEqualTo("/seller");
        browser.open("/seller/orders");
        String orderId = browser.find("section[data-order]").getAttribute("data-order");
        browser.type("section[data-order='" + orderId + "'] .carrier", "SF Express");
        browser.type("section[data-order='" + orderId + "'] .tracking", "SF1234567890");
        browser.clickAndWait("section[data-order='" + orderId + "'] .ship-form button");
        assertThat(browser.text("#notice")).contains("Shipped");

        // The buyer follows the parcel and confirms receipt.
        market.logIn(buyer);
        browser.open("/orders/" + orderId);
        assertThat(browser.text("li[data-step='shipped'] .tracking")).isEqualTo("SF Express · SF1234567890");
        browser.clickAndWait("#confirm-receipt");
        assertThat(browser.text("#order-status")).isEqualTo("Completed");
        assertThat(browser.find("li[data-step='completed']").getAttribute("class")).contains("done");

        // The operator's overview counts both paid orders.
        market.logInAsOperator();
        browser.open("/ops");
        assertThat(minor(browser.text("#kpi-gmv")) - gmvBefore).isEqualTo(33_790);
        assertThat(Long.parseLong(browser.text("#kpi-orders")) - ordersBefore).isEqualTo(2);
        assertThat(browser.all("#chart-gmv canvas")).isNotEmpty();
    }

    @Test
    void buyerReturnsADeliveredOrderAndTheSellerApprovesIt() {
        Merchant seller = market.signUpSeller("page-seller", "TAOBAO");
        long sku = market.listedSku(seller.store(), market.category(200), 8_800, 5);
        Member buyer = market.signUpBuyer("page-buyer", 20_000);
        long orderId = market.paidOrder(buyer.api(), sku, 1);
        assertThat(seller.api().post("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "ZTO", "trackingNumber", "ZTO778899")).status()).isEqualTo(200);
        assertThat(seller.api().post("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);

        market.logIn(buyer);
        browser.open("/orders/" + orderId);
        browser.type("#refund-reason", "Wrong size");
        browser.clickAndWait("#request-refund");
        assertThat(browser.text("#notice")).isEqualTo("Your request was sent.");

        market.logIn(seller);
        browser.open("/seller/refunds");
        assertThat(browser.text("main section.panel")).contains("Wrong size").contains("¥88.00");
        browser.clickAndWait("main section.panel form button.primary");
        assertThat(browser.text("#notice")).isEqualTo("Refund approved.");

        market.logIn(buyer);
        browser.open("/orders/" + orderId);
        assertThat(browser.text("#order-status")).isEqualTo("Refunded");
        browser.open("/wallet");
        assertThat(browser.text("#wallet-balance")).isEqualTo("¥200.00");
    }

    private static long minor(String money) {
        return Long.parseLong(money.replaceAll("[^0-9-]", ""));
    }

    private static void waitForText(String css, String text) {
        // htmx replaces the buy box, so an element found a moment ago may be gone: look again until it shows.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(driver -> browser.text(css).contains(text));
    }
}
