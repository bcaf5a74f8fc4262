package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import io.mercato.MarketFixture.SkuSpec;
import io.mercato.MercatoTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole marketplace through its pages in a real browser: a buyer browses, picks two SKUs from two stores,
 * checks out and pays from the wallet; the seller ships; the buyer confirms receipt; the operator's overview
 * counts the new GMV.
 */
@MercatoTest
class ShopJourneyPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void buyerBuysFromTwoStoresSellerShipsBuyerConfirmsOperatorSeesTheGmv() {
        browser.serve(port);
        MarketFixture market = new MarketFixture(port);
        String sellerEmail = MarketFixture.uniqueEmail("page-seller");
        Api sellerApi = market.account("SELLER", sellerEmail);
        Seller sellerA = new Seller(sellerApi, market.openStore(sellerApi, "TAOBAO"));
        Seller sellerB = market.seller("TMALL");
        long category = market.category(300);
        JsonNode jacket = market.listedProduct(sellerA, category, List.of(
                new SkuSpec(Map.of("colour", "red"), 12_900, 5),
                new SkuSpec(Map.of("colour", "blue"), 13_900, 3),
                new SkuSpec(Map.of("colour", "green"), 14_900, 0)));
        JsonNode tea = market.listedProduct(sellerB, category, List.of(new SkuSpec(Map.of("weight", "250g"), 5_990, 10)));
        String buyerEmail = MarketFixture.uniqueEmail("page-buyer");
        market.topUp(market.account("BUYER", buyerEmail), 100_000);

        browser.logIn(MarketFixture.OPERATOR_EMAIL, MarketFixture.OPERATOR_PASSWORD);
        browser.open("/ops");
        long gmvBefore = minor(browser.text("#kpi-gmv"));
        long ordersBefore = Long.parseLong(browser.text("#kpi-orders"));

        // The buyer browses from the home page into the category and opens the jacket.
        browser.logIn(buyerEmail, MarketFixture.PASSWORD);
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
        browser.logIn(sellerEmail, MarketFixture.PASSWORD);
        assertThat(browser.path()).isEqualTo("/seller");
        browser.open("/seller/orders");
        String orderId = browser.find("section[data-order]").getAttribute("data-order");
        browser.type("section[data-order='" + orderId + "'] .carrier", "SF Express");
        browser.type("section[data-order='" + orderId + "'] .tracking", "SF1234567890");
        browser.clickAndWait("section[data-order='" + orderId + "'] .ship-form button");
        assertThat(browser.text("#notice")).contains("Shipped");

        // The buyer follows the parcel and confirms receipt.
        browser.logIn(buyerEmail, MarketFixture.PASSWORD);
        browser.open("/orders/" + orderId);
        assertThat(browser.text("li[data-step='shipped'] .tracking")).isEqualTo("SF Express · SF1234567890");
        browser.clickAndWait("#confirm-receipt");
        assertThat(browser.text("#order-status")).isEqualTo("Completed");
        assertThat(browser.find("li[data-step='completed']").getAttribute("class")).contains("done");

        // The operator's overview counts both paid orders.
        browser.logIn(MarketFixture.OPERATOR_EMAIL, MarketFixture.OPERATOR_PASSWORD);
        browser.open("/ops");
        assertThat(minor(browser.text("#kpi-gmv")) - gmvBefore).isEqualTo(33_790);
        assertThat(Long.parseLong(browser.text("#kpi-orders")) - ordersBefore).isEqualTo(2);
        assertThat(browser.all("#chart-gmv canvas")).isNotEmpty();
    }

    @Test
    void buyerReturnsADeliveredOrderAndTheSellerApprovesIt() {
        browser.serve(port);
        MarketFixture market = new MarketFixture(port);
        String sellerEmail = MarketFixture.uniqueEmail("page-seller");
        Api sellerApi = market.account("SELLER", sellerEmail);
        Seller seller = new Seller(sellerApi, market.openStore(sellerApi, "TAOBAO"));
        long sku = market.listedSku(seller, market.category(200), 8_800, 5);
        String buyerEmail = MarketFixture.uniqueEmail("page-buyer");
        Api buyer = market.account("BUYER", buyerEmail);
        market.topUp(buyer, 20_000);
        long orderId = market.paidOrder(buyer, sku, 1);
        assertThat(sellerApi.post("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "ZTO", "trackingNumber", "ZTO778899")).status()).isEqualTo(200);
        assertThat(sellerApi.post("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);

        browser.logIn(buyerEmail, MarketFixture.PASSWORD);
        browser.open("/orders/" + orderId);
        browser.type("#refund-reason", "Wrong size");
        browser.clickAndWait("#request-refund");
        assertThat(browser.text("#notice")).isEqualTo("Your request was sent.");

        browser.logIn(sellerEmail, MarketFixture.PASSWORD);
        browser.open("/seller/refunds");
        assertThat(browser.text("main section.panel")).contains("Wrong size").contains("¥88.00");
        browser.clickAndWait("main section.panel form button.primary");
        assertThat(browser.text("#notice")).isEqualTo("Refund approved.");

        browser.logIn(buyerEmail, MarketFixture.PASSWORD);
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
