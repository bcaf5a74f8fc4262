package io.mercato.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The ads tests' fixture: an advertiser (a seller with a listed product under a word of its own, a merchant balance
 * earned by a completed sale, and a funded ad account), campaigns, served ads and their click links.
 */
final class AdsFixture extends MarketFixture implements BeforeEachCallback {

    private @Nullable ApplicationContext application;

    @Override
    public void beforeEach(ExtensionContext context) {
        application = bindTo(context);
    }

    /**
     * Waits until every event published so far has reached its listeners (other tests in the shared application may
     * have left a backlog on the event executor, such as the demo seed's product events).
     */
    void awaitEventsDelivered(Duration atMost) throws InterruptedException {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = application.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline
                && jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() > 0) {
            Thread.sleep(200);
        }
    }

    MutableClock clock() {
        return application.getBean(MutableClock.class);
    }

    /** A seller whose product (titled with a word of its own) is listed, in a category of its own. */
    record Advertiser(Seller seller, long productId, long skuId, long categoryId, String word) {
        Api api() {
            return seller.api();
        }
    }

    Advertiser advertiser(long priceMinor, long stock) {
        Seller seller = seller("TAOBAO");
        long category = category(0);
        String word = "ad" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)))
                .collect(java.util.stream.Collectors.joining());
        Api.Response product = seller.api().create("/api/v1/stores/" + seller.storeId() + "/products", Map.of(
                "title", "Kettle " + word, "description", "A fine kettle", "categoryId", category,
                "images", List.of("https://img.example.com/k.jpg"),
                "skus", List.of(Map.of("attributes", Map.of("colour", "red"), "priceMinor", priceMinor,
                        "initialStock", stock))));
        assertThat(product.status()).as("product: %s", product).isEqualTo(201);
        Api.Response listed = seller.api().post("/api/v1/products/" + product.id() + "/listing", null);
        assertThat(listed.status()).as("listing: %s", listed).isEqualTo(200);
        return new Advertiser(seller, product.id(), listed.json().get("skus").get(0).get("id").asLong(), category, word);
    }

    /** Gives the seller a merchant balance: a buyer buys, the seller ships and delivers, the buyer confirms. */
    void earn(Advertiser advertiser, long quantity) {
        Api buyer = buyer(50_000_000);
        long orderId = paidOrder(buyer, advertiser.skuId(), quantity);
        Api seller = advertiser.api();
        assertThat(seller.create("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890")).status()).isEqualTo(200);
        assertThat(seller.create("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);
        Api.Response confirmed = buyer.create("/api/v1/orders/" + orderId + "/receipt-confirmation", null);
        assertThat(confirmed.status()).as("confirm: %s", confirmed).isEqualTo(200);
    }

    void fundAdAccount(Advertiser advertiser, long minor) {
        Api.Response topUp = advertiser.api().create("/api/v1/ads/account/top-ups",
                Map.of("amountMinor", minor, "currency", "CNY"));
        assertThat(topUp.status()).as("ad top-up: %s", topUp).isEqualTo(201);
    }

    long adBalance(Api seller) {
        Api.Response account = seller.get("/api/v1/ads/account");
        assertThat(account.status()).as("ad account: %s", account).isEqualTo(200);
        return account.json().get("balanceMinor").asLong();
    }

    long campaign(Advertiser advertiser, long dailyBudgetMinor, String targetRoi) {
        Api.Response created = advertiser.api().create("/api/v1/ads/campaigns", Map.of("productId", advertiser.productId(),
                "dailyBudgetMinor", dailyBudgetMinor, "targetRoi", new java.math.BigDecimal(targetRoi)));
        assertThat(created.status()).as("campaign: %s", created).isEqualTo(201);
        return created.id();
    }

    JsonNode campaignView(Api seller, long campaignId) {
        Api.Response campaign = seller.get("/api/v1/ads/campaigns/" + campaignId);
        assertThat(campaign.status()).as("campaign: %s", campaign).isEqualTo(200);
        return campaign.json();
    }

    /**
     * Serves search ads for the advertiser's word until the campaign wins a slot (the search index follows the catalog
     * within a second), as {@code viewer}; returns the campaign's click link.
     */
    String link(Api viewer, Advertiser advertiser, long campaignId, @Nullable String visitor) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Api.Response served = viewer.get("/api/v1/ads/serve?placement=SEARCH&q=" + advertiser.word()
                    + (visitor == null ? "" : "&visitor=" + visitor));
            assertThat(served.status()).as("serve: %s", served).isEqualTo(200);
            for (JsonNode ad : served.json()) {
                assertThat(ad.get("sponsored").asBoolean()).isTrue();
                if (ad.get("campaignId").asLong() == campaignId) {
                    return ad.get("clickUrl").asString();
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Campaign " + campaignId + " never won a slot for '" + advertiser.word() + "'");
    }

    /** Links for {@code count} anonymous visitors of their own. */
    List<String> links(Advertiser advertiser, long campaignId, int count) {
        List<String> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            links.add(link(anonymous(), advertiser, campaignId, UUID.randomUUID().toString()));
        }
        return links;
    }

    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What following a click link did: the status, and where it redirects (null when it does not). */
    record Click(int status, @Nullable String location) {
    }

    /** Follows a click link as a browser would, without following the redirect. */
    Click click(String link) {
        try {
            HttpResponse<String> response = BROWSER.send(HttpRequest.newBuilder(anonymous().uri(link))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Click(response.statusCode(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + link + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> params(String link) {
        Map<String, String> params = new HashMap<>();
        for (String pair : URI.create(link).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv[1]);
        }
        return params;
    }

    static String withParam(String link, String name, String value) {
        Map<String, String> params = params(link);
        params.put(name, value);
        StringBuilder out = new StringBuilder("/ads/click?");
        params.forEach((k, v) -> out.append(k).append('=').append(v).append('&'));
        return out.substring(0, out.length() - 1);
    }

    Map<String, Long> trialBalance() {
        Api.Response trial = operator().get("/api/v1/operator/ledger/trial-balance");
        assertThat(trial.status()).isEqualTo(200);
        Map<String, Long> sums = new HashMap<>();
        trial.json().properties().forEach(e -> sums.put(e.getKey(), e.getValue().asLong()));
        return sums;
    }
}
