package io.mercato.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.ads.AdsFixture.Advertiser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** What a campaign may be, and who may see and change it. */
@MercatoTest
class CampaignRulesIT {

    @RegisterExtension
    final AdsFixture market = new AdsFixture();

    private static Map<String, Object> body(long productId, Object budget, Object roi) {
        Map<String, Object> body = new HashMap<>();
        body.put("productId", productId);
        body.put("dailyBudgetMinor", budget);
        body.put("targetRoi", roi);
        return body;
    }

    private static void assertRefused(Api.Response response, int status, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        if (status == 400) {
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }

    @Test
    void budgetsAndTargetsOutsideTheirBoundsAreRefusedNamingTheField() {
        Advertiser advertiser = market.advertiser(10_000, 10);
        Api seller = advertiser.api();
        long product = advertiser.productId();
        String path = "/api/v1/ads/campaigns";

        for (long budget : new long[] {0, -500, 99, 100_000_001}) {
            Api.Response refused = seller.create(path, body(product, budget, new BigDecimal("3")));
            assertRefused(refused, 400, "dailyBudgetMinor");
            assertThat(refused.body()).contains("100000000");
        }
        for (String roi : new String[] {"0", "-2", "0.05", "100.01", "1000000", "2.555"}) {
            assertRefused(seller.create(path, body(product, 5_000, new BigDecimal(roi))), 400, "targetRoi");
        }
        Map<String, Object> dollars = body(product, 5_000, new BigDecimal("3"));
        dollars.put("currency", "USD");
        assertRefused(seller.create(path, dollars), 400, "currency");
        Map<String, Object> noProduct = body(product, 5_000, new BigDecimal("3"));
        noProduct.remove("productId");
        assertRefused(seller.create(path, noProduct), 400, "productId");
        Map<String, Object> backwards = body(product, 5_000, new BigDecimal("3"));
        backwards.put("startsAt", "2027-03-01T00:00:00Z");
        backwards.put("endsAt", "2027-02-01T00:00:00Z");
        assertRefused(seller.create(path, backwards), 400, "endsAt");
        Map<String, Object> past = body(product, 5_000, new BigDecimal("3"));
        past.put("endsAt", Instant.now().minusSeconds(86_400 * 400).toString());
        assertRefused(seller.create(path, past), 400, "endsAt");
        assertRefused(seller.raw("POST", path, "{\"productId\": " + product + ", \"dailyBudgetMinor\": 100.5, \"targetRoi\": 3}"),
                400, "dailyBudgetMinor");

        assertThat(seller.get(path).json()).as("nothing was written").isEmpty();
    }

    @Test
    void aSellerCannotAdvertiseAnotherMerchantsProductOrSeeOrChangeItsCampaigns() {
        Advertiser owner = market.advertiser(10_000, 10);
        Advertiser other = market.advertiser(10_000, 10);
        long campaign = market.campaign(owner, 5_000, "3");

        assertRefused(other.api().create("/api/v1/ads/campaigns", body(owner.productId(), 5_000, new BigDecimal("3"))), 404, "");
        assertThat(other.api().get("/api/v1/ads/campaigns").json()).isEmpty();

        String path = "/api/v1/ads/campaigns/" + campaign;
        assertThat(other.api().get(path).status()).isEqualTo(404);
        assertThat(other.api().put(path, Map.of("dailyBudgetMinor", 100)).status()).isEqualTo(404);
        assertThat(other.api().post(path + "/pause", null).status()).isEqualTo(404);
        assertThat(other.api().post(path + "/resume", null).status()).isEqualTo(404);
        assertThat(other.api().get(path + "/report").status()).isEqualTo(404);
        assertThat(other.api().get(path + "/clicks").status()).isEqualTo(404);
        assertThat(market.account("BUYER").get(path).status()).isEqualTo(403);
        assertThat(market.account("BUYER").create("/api/v1/ads/campaigns", body(owner.productId(), 5_000, 3)).status())
                .isEqualTo(403);
        assertThat(market.anonymous().get(path).status()).isEqualTo(401);
        assertThat(market.operator().get(path).status()).isEqualTo(200);

        JsonNode unchanged = market.campaignView(owner.api(), campaign);
        assertThat(unchanged.get("dailyBudgetMinor").asLong()).isEqualTo(5_000);
        assertThat(unchanged.get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aSellerEditsPausesAndResumesItsCampaignAndAPausedCampaignIsNotServed() {
        Advertiser advertiser = market.advertiser(10_000, 10);
        long campaign = market.campaign(advertiser, 5_000, "3");
        String path = "/api/v1/ads/campaigns/" + campaign;
        market.link(market.anonymous(), advertiser, campaign, null);

        Api.Response edited = advertiser.api().put(path, Map.of("dailyBudgetMinor", 8_000, "targetRoi", 4.5, "name", "Winter kettles"));
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(edited.json().get("dailyBudgetMinor").asLong()).isEqualTo(8_000);
        assertThat(edited.json().get("targetRoi").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(edited.json().get("name").asString()).isEqualTo("Winter kettles");
        assertRefused(advertiser.api().put(path, Map.of("dailyBudgetMinor", 0)), 400, "dailyBudgetMinor");
        assertRefused(advertiser.api().put(path, Map.of("productId", advertiser.productId() + 1000)), 400, "productId");

        Api.Response paused = advertiser.api().post(path + "/pause", null);
        assertThat(paused.json().get("status").asString()).isEqualTo("PAUSED");
        JsonNode served = market.anonymous().get("/api/v1/ads/serve?placement=SEARCH&q=" + advertiser.word()).json();
        assertThat(served.findValues("campaignId")).noneMatch(id -> id.asLong() == campaign);

        Api.Response resumed = advertiser.api().post(path + "/resume", null);
        assertThat(resumed.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(market.link(market.anonymous(), advertiser, campaign, null)).contains("c=" + campaign);
    }

    @Test
    void theOperatorSetsSlotsAndReserveWithinBounds() {
        Api operator = market.operator();
        JsonNode placements = operator.get("/api/v1/operator/ads/placements").json();
        assertThat(placements.findValuesAsString("placement")).containsExactlyInAnyOrder("SEARCH", "FEED");
        JsonNode feed = null;
        for (JsonNode p : placements) {
            if (p.get("placement").asString().equals("FEED")) {
                feed = p;
            }
        }
        assertRefused(operator.put("/api/v1/operator/ads/placements/FEED", Map.of("slots", 11, "reserveMinor", 10)), 400, "slots");
        assertRefused(operator.put("/api/v1/operator/ads/placements/FEED", Map.of("slots", 2, "reserveMinor", 0)), 400, "reserveMinor");
        Api.Response saved = operator.put("/api/v1/operator/ads/placements/FEED",
                Map.of("slots", feed.get("slots").asInt(), "reserveMinor", feed.get("reserveMinor").asLong()));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(market.seller("TAOBAO").api().get("/api/v1/operator/ads/placements").status()).isEqualTo(403);
    }
}
