package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;

/**
 * Instant commerce in a real browser: the shop shows what arrives in 30 minutes, a rider accepts an offered task on a
 * phone-sized screen, the buyer sees the code to tell the rider, and the operator's map shows riders and deliveries.
 */
@MercatoTest
class InstantPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void aRiderAcceptsOnAPhoneAndTheOperatorSeesTheDeliveryOnTheMap() {
        double lat = 45.1;
        double lng = 126.6;
        Merchant seller = market.signUpSeller("instant-page-seller", "LOCAL");
        long storeId = seller.store().storeId();
        Api.Response profile = seller.api().put("/api/v1/instant/stores/" + storeId, Map.of(
                "location", Map.of("lat", lat, "lng", lng), "timeZone", "Asia/Shanghai", "opens", "00:00", "closes", "00:00",
                "prepMinutes", 5, "zone", Map.of("radiusMetres", 3_000), "deliveryFeeMinor", 500,
                "commissionBasisPoints", 500, "riderPayMinor", 700, "subsidyMinor", 100));
        assertThat(profile.status()).as("profile: %s", profile).isEqualTo(200);
        long sku = market.listedSku(seller.store(), market.category(500), 2_000, 100);

        Member rider = market.signUp("BUYER", "instant-page-rider");
        assertThat(market.operator().create("/api/v1/instant/riders", Map.of("accountId", market.accountId(rider.api()),
                "name", "Page Rider", "capacity", 3)).status()).isEqualTo(201);
        assertThat(rider.api().post("/api/v1/instant/riders/me/position", Map.of("lat", lat + 0.002, "lng", lng)).status()).isEqualTo(200);
        assertThat(rider.api().post("/api/v1/instant/riders/me/shift", Map.of("online", true)).status()).isEqualTo(200);

        Member buyer = market.signUpBuyer("instant-page-buyer", 100_000);
        market.logIn(buyer);
        browser.open("/instant?lat=" + (lat + 0.01) + "&lng=" + lng);
        assertThat(browser.text("section[data-store='" + storeId + "'] .eta")).contains("min");

        long orderId = market.paidOrder(buyer.api(), sku, 1);
        browser.open("/orders/" + orderId);
        browser.clickAndWait("#instant-delivery");
        assertThat(browser.path()).isEqualTo("/instant/orders/" + orderId);
        browser.type("#lat", String.valueOf(lat + 0.01));
        browser.type("#lng", String.valueOf(lng));
        browser.clickAndWait("#ask-rider");
        assertThat(browser.text("#proof-code")).matches("[0-9]{4}");
        long taskId = Long.parseLong(browser.find("#delivery").getAttribute("data-delivery"));
        assertThat(market.operator().post("/api/v1/operator/instant/dispatch", null).status()).isEqualTo(200);

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            market.logIn(rider);
            browser.open("/rider");
            assertThat(browser.text("li[data-task='" + taskId + "']")).contains("Offered to a rider");
            browser.clickAndWait("li[data-task='" + taskId + "'] .accept");
            assertThat(browser.text("#notice")).isEqualTo("Task accepted.");
            assertThat(browser.text("li[data-task='" + taskId + "']")).contains("Rider on the way to the store");
            assertThat(browser.find("li[data-task='" + taskId + "'] .pickup")).isNotNull();
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }

        market.logInAsOperator();
        browser.open("/ops/instant");
        assertThat(browser.find("#instant-map circle[data-delivery='" + taskId + "']")).isNotNull();
        assertThat(browser.all("#instant-map circle[data-rider]")).isNotEmpty();
        assertThat(browser.text("#open-deliveries tr[data-delivery='" + taskId + "']")).contains("Rider on the way to the store");
        assertThat(browser.text("#economics tr[data-order='" + orderId + "']")).contains("¥5.00").contains("¥7.00");
    }

    @Test
    void theCheckoutQuotesTheRiderEtaAndTheOrderPageFollowsTheDeliveryLive() {
        double lat = 46.3;
        double lng = 126.6;
        Merchant seller = market.signUpSeller("instant-eta-seller", "LOCAL");
        long storeId = seller.store().storeId();
        assertThat(seller.api().put("/api/v1/instant/stores/" + storeId, Map.of(
                "location", Map.of("lat", lat, "lng", lng), "timeZone", "Asia/Shanghai", "opens", "00:00", "closes", "00:00",
                "prepMinutes", 5, "zone", Map.of("radiusMetres", 3_000), "deliveryFeeMinor", 500,
                "commissionBasisPoints", 500, "riderPayMinor", 700, "subsidyMinor", 100)).status()).isEqualTo(200);
        long sku = market.listedSku(seller.store(), market.category(500), 2_000, 100);
        Member rider = market.signUp("BUYER", "instant-eta-rider");
        assertThat(market.operator().create("/api/v1/instant/riders", Map.of("accountId", market.accountId(rider.api()),
                "name", "ETA Rider", "capacity", 3)).status()).isEqualTo(201);
        assertThat(rider.api().post("/api/v1/instant/riders/me/position", Map.of("lat", lat + 0.002, "lng", lng)).status()).isEqualTo(200);
        assertThat(rider.api().post("/api/v1/instant/riders/me/shift", Map.of("online", true)).status()).isEqualTo(200);

        Member buyer = market.signUpBuyer("instant-eta-buyer", 100_000);
        assertThat(buyer.api().put("/api/v1/cart/items/" + sku, Map.of("quantity", 1)).status()).isIn(200, 201, 204);
        market.logIn(buyer);
        browser.open("/checkout?lang=en");
        String eta = browser.text("#instant-eta-" + storeId + " .eta-minutes");
        assertThat(eta).matches("Rider delivery in about \\d+ minutes");
        // The fee the buyer pays: 5.00 less the platform's 1.00.
        assertThat(browser.text("#instant-eta-" + storeId + " .eta-fee")).contains("¥4.00");
        // Somewhere outside the zone: the quote says so.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                browser.find("#instant-eta-" + storeId + " .eta-lat"), String.valueOf(lat + 0.2));
        assertThat(browser.text("#instant-eta-" + storeId + " .eta-outside")).contains("does not deliver");
        browser.open("/checkout?lang=zh-CN");
        assertThat(browser.text("#instant-eta-" + storeId + " .eta-minutes")).startsWith("骑手配送");
        browser.open("/checkout?lang=en");

        long orderId = market.paidOrder(buyer.api(), sku, 1);
        assertThat(buyer.api().create("/api/v1/instant/deliveries", Map.of("orderId", orderId, "lat", lat + 0.01,
                "lng", lng)).status()).isEqualTo(201);
        browser.open("/orders/" + orderId);
        assertThat(browser.text("#order-instant #status")).isEqualTo("Waiting for a rider");
        assertThat(browser.text("#order-instant #eta-minutes")).contains("min");
        long taskId = Long.parseLong(browser.find("#order-instant #delivery").getAttribute("data-delivery"));
        assertThat(market.operator().post("/api/v1/operator/instant/dispatch", null).status()).isEqualTo(200);
        assertThat(rider.api().post("/api/v1/instant/tasks/" + taskId + "/accept", null).status()).isEqualTo(200);
        // No reload: the panel polls every five seconds.
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(d -> browser.text("#order-instant #status").equals("Rider on the way to the store"));
    }
}
