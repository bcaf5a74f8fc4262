package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The main pages of the shop, the seller centre and the console pass axe-core's WCAG 2 A and AA rules with no
 * serious or critical violation, in Chromium; text responses are compressed; every page has a favicon and a meta
 * description.
 */
@MercatoTest
class AccessibilityPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    @Test
    void theMainPagesOfAllThreeAppsHaveNoSeriousOrCriticalViolation() {
        Merchant seller = market.signUpSeller("axe-seller", "TAOBAO");
        long sku = market.listedSku(seller.store(), market.category(200), 4_200, 10);
        Member buyer = market.signUpBuyer("axe-buyer", 100_000);
        long orderId = market.paidOrder(buyer.api(), sku, 1);
        long productId = market.anonymous().get("/api/v1/products?size=1").json().get("items").get(0).get("id").asLong();

        List<String> found = new ArrayList<>();
        for (String path : List.of("/", "/products", "/p/" + productId, "/search?q=a", "/login", "/register",
                "/s/" + seller.store().storeId())) {
            found.addAll(check(path));
        }
        market.logIn(buyer);
        for (String path : List.of("/orders", "/orders/" + orderId, "/cart", "/wallet", "/favourites",
                "/checkout/buy-now?sku=" + sku)) {
            found.addAll(check(path));
        }
        market.logIn(seller);
        for (String path : List.of("/seller", "/seller/products", "/seller/orders", "/seller/refunds", "/seller/finance",
                "/seller/alerts", "/seller/bulk", "/seller/orders/batch-shipping", "/seller/disputes", "/seller/reviews")) {
            found.addAll(check(path));
        }
        market.logInAsOperator();
        for (String path : List.of("/ops", "/ops/orders", "/ops/stores", "/ops/buyers", "/ops/products",
                "/ops/orders/" + orderId, "/ops/disputes", "/ops/reviews")) {
            found.addAll(check(path));
        }
        browser.open("/?lang=en");
        assertThat(found).isEmpty();
    }

    private static List<String> check(String path) {
        List<String> found = new ArrayList<>();
        // The Chinese pages share the English ones' markup and styles; each app's landing page is checked in both.
        List<String> languages = Set.of("/", "/seller", "/ops").contains(path) ? List.of("en", "zh-CN") : List.of("en");
        for (String lang : languages) {
            browser.open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
            assertThat(browser.driver().findElements(By.cssSelector("meta[name='description']"))).as(path).hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("link[rel='icon']"))).as(path).hasSize(1);
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa")).analyze(browser.driver());
            for (Rule rule : results.getViolations()) {
                if (rule.getImpact() != null && BLOCKING.contains(rule.getImpact())) {
                    found.add(path + " [" + lang + "] " + rule.getId() + " (" + rule.getImpact() + "): "
                            + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
                }
            }
        }
        return found;
    }

    @Test
    void textResponsesAreCompressedAndTheFaviconIsServed() throws Exception {
        browser.open("/");
        String base = browser.driver().getCurrentUrl().replaceAll("/$", "");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        HttpResponse<byte[]> css = http.send(HttpRequest.newBuilder(URI.create(base + "/css/mercato.css"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
        HttpResponse<String> icon = http.send(HttpRequest.newBuilder(URI.create(base + "/favicon.svg")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith("<svg");
    }
}
