package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages' session login over plain HTTP: forms need their CSRF token, failed page logins count towards the
 * same lockout as API logins, and the API stays stateless beside it.
 */
@MercatoTest
class PageSessionIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    MarketFixture market;
    HttpClient browser;

    @BeforeEach
    void setUp() {
        market = new MarketFixture(port);
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        String email = MarketFixture.uniqueEmail("csrf");
        market.account("BUYER", email);
        HttpResponse<String> refused = postForm("/login", Map.of("username", email, "password", MarketFixture.PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(403);

        HttpResponse<String> accepted = postForm("/login", Map.of("username", email, "password", MarketFixture.PASSWORD,
                "_csrf", csrfFrom("/login")));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(get("/orders").statusCode()).isEqualTo(200);

        HttpResponse<String> noToken = postForm("/wallet/top-up", Map.of("amount", "10.00"));
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    @Test
    void failedPageLoginsLockTheAccountForTheApiToo() throws Exception {
        String email = MarketFixture.uniqueEmail("page-locked");
        market.account("BUYER", email);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = postForm("/login", Map.of("username", email, "password", "wrong-password",
                    "_csrf", csrfFrom("/login")));
            assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));
        }
        assertThat(get("/login?error").body()).contains("Email or password is wrong");
        HttpResponse<String> locked = postForm("/login", Map.of("username", email, "password", MarketFixture.PASSWORD,
                "_csrf", csrfFrom("/login")));
        assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
        assertThat(get("/login?error").body()).contains("Too many failed logins");
        Api.Response api = market.anonymous().post("/api/v1/sessions",
                Map.of("email", email, "password", MarketFixture.PASSWORD));
        assertThat(api.status()).isEqualTo(429);

        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> right = postForm("/login", Map.of("username", email, "password", MarketFixture.PASSWORD,
                "_csrf", csrfFrom("/login")));
        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
    }

    @Test
    void theApiStaysStatelessAndSellersLandInTheSellerCentre() throws Exception {
        String email = MarketFixture.uniqueEmail("landing");
        Api seller = market.account("SELLER", email);
        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Authorization", "Bearer " + seller.token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));

        HttpResponse<String> login = postForm("/login", Map.of("username", email, "password", MarketFixture.PASSWORD,
                "_csrf", csrfFrom("/login")));
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/seller"));
    }

    @Test
    void theCheckoutFormSentTwicePlacesOnceAndBothLandOnTheSamePayment() throws Exception {
        MarketFixture.Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 1_500, 5);
        String email = MarketFixture.uniqueEmail("twice");
        Api buyer = market.account("BUYER", email);
        assertThat(buyer.put("/api/v1/cart/items/" + sku, Map.of("quantity", 1)).status()).isEqualTo(200);
        assertThat(postForm("/login", Map.of("username", email, "password", MarketFixture.PASSWORD,
                "_csrf", csrfFrom("/login"))).statusCode()).isEqualTo(302);

        String page = get("/checkout").body();
        Matcher key = Pattern.compile("name=\"checkoutKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(key.find()).as("the checkout form carries its one-time key").isTrue();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        Map<String, String> form = Map.of("_csrf", csrf.group(1), "checkoutKey", key.group(1), "recipient", "Li Lei",
                "phone", "13800138000", "line1", "1 Wensan Road", "city", "Hangzhou", "country", "CN");

        HttpResponse<String> first = postForm("/checkout", form);
        HttpResponse<String> second = postForm("/checkout", form);
        assertThat(first.statusCode()).as("first: %s", first.body()).isEqualTo(302);
        assertThat(second.statusCode()).as("second: %s", second.body()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).matches(".*/checkout/[0-9]+"));
        assertThat(buyer.get("/api/v1/orders").json().size()).as("one order, not two").isEqualTo(1);
        assertThat(market.available(sku)).isEqualTo(4);
    }

    @Test
    void theTopUpFormSentTwiceTopsUpOnce() throws Exception {
        String email = MarketFixture.uniqueEmail("topup");
        Api buyer = market.account("BUYER", email);
        assertThat(postForm("/login", Map.of("username", email, "password", MarketFixture.PASSWORD,
                "_csrf", csrfFrom("/login"))).statusCode()).isEqualTo(302);
        String page = get("/wallet").body();
        Matcher key = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(key.find()).as("the top-up form carries its one-time key").isTrue();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        Map<String, String> form = Map.of("_csrf", csrf.group(1), "formKey", key.group(1), "amount", "25.00");

        assertThat(postForm("/wallet/top-up", form).statusCode()).isEqualTo(302);
        assertThat(postForm("/wallet/top-up", form).statusCode()).isEqualTo(302);
        assertThat(market.walletBalance(buyer)).as("25.00 once, not twice").isEqualTo(2_500);

        Map<String, String> withoutKey = Map.of("_csrf", csrf.group(1), "amount", "25.00");
        assertThat(postForm("/wallet/top-up", withoutKey).statusCode()).isEqualTo(302);
        assertThat(market.walletBalance(buyer)).as("a form without its key does nothing").isEqualTo(2_500);
    }

    @Test
    void aDelistedProductStaysInTheCartAsNoLongerOnSaleUnderItsStore() throws Exception {
        MarketFixture.Seller seller = market.seller("TAOBAO");
        var product = market.listedProduct(seller, market.category(0),
                java.util.List.of(new MarketFixture.SkuSpec(Map.of("colour", "red"), 990, 5)));
        long sku = product.get("skus").get(0).get("id").asLong();
        String title = product.get("title").asString();
        String email = MarketFixture.uniqueEmail("delisted");
        Api buyer = market.account("BUYER", email);
        assertThat(buyer.put("/api/v1/cart/items/" + sku, Map.of("quantity", 2)).status()).isEqualTo(200);
        assertThat(seller.api().post("/api/v1/products/" + product.get("id").asLong() + "/delisting", null).status())
                .isEqualTo(200);

        var line = buyer.get("/api/v1/cart").json().get(0);
        assertThat(line.get("onSale").asBoolean()).isFalse();
        assertThat(line.get("title").asString()).isEqualTo(title);
        assertThat(line.get("storeId").asLong()).isEqualTo(seller.storeId());
        assertThat(line.get("available").asLong()).isZero();

        assertThat(postForm("/login", Map.of("username", email, "password", MarketFixture.PASSWORD,
                "_csrf", csrfFrom("/login"))).statusCode()).isEqualTo(302);
        HttpResponse<String> cart = get("/cart");
        assertThat(cart.statusCode()).isEqualTo(200);
        assertThat(cart.body()).contains(title).contains("No longer on sale").doesNotContain("is not on sale");
    }

    private String csrfFrom(String path) throws IOException, InterruptedException {
        Matcher matcher = CSRF.matcher(get(path).body());
        assertThat(matcher.find()).as("a CSRF field on %s", path).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
