package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.SkuSpec;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import io.mercato.fulfillment.CarrierSimulator;
import io.mercato.fulfillment.EventKind;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Fulfillment's pages in a real browser, in English and Chinese: the operator adds a carrier (its secret shown once),
 * the seller sets up a warehouse and template, the buyer sees the promise on the product page and the parcel's
 * timeline on the order, the seller packs parcels and sees the exception, the operator sees refused webhooks; the
 * pages fit a phone's width.
 */
@MercatoTest
class FulfillmentPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Autowired
    MutableClock clock;

    @Test
    void aParcelIsFollowedFromTheCarrierToTheBuyerInBothLanguages() {
        String code = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase(Locale.ROOT);
        market.logInAsOperator();
        browser.open("/ops/logistics?lang=en");
        browser.type("#carrier-code", code);
        browser.type("#carrier-name", "Page Express " + code);
        browser.clickAndWait("#carrier-add");
        assertThat(browser.text("#notice")).isEqualTo("Carrier added.");
        String secret = browser.text("#secret-value");
        assertThat(secret).startsWith("whsec_");
        browser.open("/ops/logistics");
        assertThat(browser.all("#new-secret")).as("the secret is shown once").isEmpty();
        assertThat(browser.text("tr[data-carrier='" + code + "']")).contains("…" + secret.substring(secret.length() - 4))
                .doesNotContain(secret);
        Api operator = market.operator();
        long carrierId = operator.get("/api/v1/operator/fulfillment/carriers").json().valueStream()
                .filter(c -> c.get("code").asString().equals(code)).findFirst().orElseThrow().get("id").asLong();
        long serviceId = operator.create("/api/v1/operator/fulfillment/services", Map.of("carrierId", carrierId, "code", "ND",
                "kind", "NEXT_DAY", "name", "Next day")).id();
        assertThat(operator.put("/api/v1/operator/fulfillment/lanes", Map.of("serviceId", serviceId, "origin", "CN-ZHEJIANG",
                "destination", "CN", "transitDays", 1)).status()).isEqualTo(200);

        Merchant seller = market.signUpSeller("ship-seller", "TAOBAO");
        long storeId = seller.store().storeId();
        market.logIn(seller);
        browser.open("/seller/shipping");
        browser.type("#wh-name", "Hangzhou DC");
        browser.type("#wh-city", "Hangzhou");
        browser.type("#wh-province", "Zhejiang");
        browser.type("#wh-zone", "Mars/Olympus");
        browser.clickAndWait("#wh-add");
        assertThat(browser.text("#error")).isEqualTo("Please check “Time zone”.");
        browser.type("#wh-name", "Hangzhou DC");
        browser.type("#wh-city", "Hangzhou");
        browser.type("#wh-province", "Zhejiang");
        browser.clickAndWait("#wh-add");
        assertThat(browser.text("#notice")).isEqualTo("Warehouse added.");
        assertThat(browser.text("#warehouses")).contains("Hangzhou DC").contains("CN-ZHEJIANG");
        String form = "section[data-store='" + storeId + "'] .template-form";
        new Select(browser.find(form + " select[name=serviceId]")).selectByValue(String.valueOf(serviceId));
        browser.type(form + " input[name=firstKg]", "8");
        browser.type(form + " input[name=freeOver]", "99");
        browser.clickAndWait(form + " button");
        assertThat(browser.text("#notice")).isEqualTo("Shipping template saved.");
        assertThat(browser.text("section[data-store='" + storeId + "']")).contains("Ships from Hangzhou DC with " + code + " · Next day")
                .contains("Free shipping over ¥99.00");

        JsonNode product = market.listedProduct(seller.store(), market.category(0),
                List.of(new SkuSpec(Map.of("colour", "red"), 5_000, 10)));
        long sku = product.get("skus").get(0).get("id").asLong();
        browser.open("/p/" + product.get("id").asLong());
        assertThat(browser.text("#promise")).startsWith("Arrives by").contains("to Hangzhou").contains("Next day from Hangzhou");

        Member buyer = market.signUpBuyer("ship-buyer", 100_000);
        // At checkout (before any order, so to where the store ships from), the cart's store promises its delivery.
        assertThat(buyer.api().put("/api/v1/cart/items/" + sku, Map.of("quantity", 1)).status()).isEqualTo(200);
        market.logIn(buyer);
        browser.open("/checkout?lang=en");
        assertThat(browser.text(".checkout-promise")).startsWith("Arrives by").contains("to Hangzhou");
        market.logIn(seller);
        long orderId = market.paidOrder(buyer.api(), sku, 2);
        long lineId = buyer.api().get("/api/v1/orders/" + orderId).json().get("lines").get(0).get("id").asLong();
        browser.open("/seller/orders");
        browser.clickAndWait("section[data-order='" + orderId + "'] .pack-link");
        assertThat(browser.path()).isEqualTo("/seller/shipping/orders/" + orderId);
        assertThat(browser.text("#promise")).startsWith("Arrives by");
        browser.type("#qty-" + lineId, "1");
        browser.clickAndWait("#pack");
        assertThat(browser.text("#notice")).isEqualTo("Parcel packed; the carrier has its tracking number.");
        assertThat(browser.text("#order-status")).isEqualTo("Shipped");
        String tracking = browser.text("#parcels .tracking");
        assertThat(tracking).startsWith(code);

        CarrierSimulator carrier = new CarrierSimulator(HttpClient.newHttpClient(), market.anonymous().uri("/"), code, secret);
        assertThat(carrier.post(tracking, EventKind.COLLECTED, clock.instant().minusSeconds(600), clock.instant()).statusCode())
                .isEqualTo(202);
        String exception = "{\"eventId\":\"page-" + UUID.randomUUID() + "\",\"trackingNumber\":\"" + tracking
                + "\",\"kind\":\"EXCEPTION\",\"occurredAt\":\"" + clock.instant().minusSeconds(60)
                + "\",\"location\":\"Wuhan\",\"note\":\"Gate closed\"}";
        assertThat(carrier.post(exception, clock.instant()).statusCode()).isEqualTo(202);

        market.logIn(buyer);
        browser.open("/orders/" + orderId + "?lang=en");
        assertThat(browser.text("#promise")).startsWith("Arrives by");
        assertThat(browser.text("#parcels")).contains(tracking).contains("Collected").contains("Exception").contains("Gate closed");
        assertThat(browser.all("#parcels li").stream().map(li -> li.getAttribute("data-kind")).toList())
                .containsExactly("COLLECTED", "EXCEPTION");
        browser.open("/orders/" + orderId + "?lang=zh-CN");
        assertThat(browser.text("#promise")).startsWith("预计");
        assertThat(browser.text("#parcels")).contains("已揽收").contains("异常");
        fitsAPhone("/orders/" + orderId);
        browser.open("/orders/" + orderId + "?lang=en");

        market.logIn(seller);
        browser.open("/seller/shipping");
        assertThat(browser.text("#alerts")).contains(tracking).contains("Gate closed");
        fitsAPhone("/seller/shipping");
        browser.clickAndWait("#alerts .resolve");
        assertThat(browser.text("#notice")).isEqualTo("Exception resolved.");
        assertThat(browser.all("#alerts")).isEmpty();

        carrier.send(java.net.http.HttpRequest.newBuilder(carrier.endpoint()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        market.logInAsOperator();
        browser.open("/ops/logistics/exceptions?lang=zh-CN");
        assertThat(browser.text("#refused")).contains(code).contains("未签名");
        fitsAPhone("/ops/logistics/exceptions");
        browser.open("/ops/logistics?lang=en");
        assertThat(browser.text("h1")).isEqualTo("Logistics");
        fitsAPhone("/ops/logistics");
    }

    /** Opens the page at a phone's width: the page's content must not be wider than the screen. */
    private static void fitsAPhone(String path) {
        var window = browser.driver().manage().window();
        Dimension before = window.getSize();
        window.setSize(new Dimension(390, 844));
        try {
            browser.open(path);
            Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.querySelector('main').scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).longValue()).as("%s is wider than a phone by", path).isLessThanOrEqualTo(0);
        } finally {
            window.setSize(before);
        }
    }
}
