package io.mercato.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.ads.AdsFixture.Advertiser;
import io.mercato.ads.AdsFixture.Click;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Campaigns, the ad account and click charging over the public API and the click links: budgets and balances are
 * never overspent however many clicks race, invalid links charge nothing, and the ledger stays balanced.
 */
@MercatoTest
class AdsIT {

    @RegisterExtension
    final AdsFixture market = new AdsFixture();

    /** A funded advertiser: a sale of 1,000.00 settled into its merchant balance, and {@code adFunds} in its ad account. */
    private Advertiser funded(long adFunds) {
        Advertiser advertiser = market.advertiser(100_000, 1_000);
        market.earn(advertiser, 1);
        market.fundAdAccount(advertiser, adFunds);
        return advertiser;
    }

    @Test
    void aTopUpMovesMerchantMoneyToTheAdAccountAndCannotOverdrawTheMerchantBalance() {
        Advertiser advertiser = market.advertiser(100_000, 10);
        market.earn(advertiser, 1);
        long merchant = market.sellerBalance(advertiser.api(), "MERCHANT");
        assertThat(merchant).isPositive();

        market.fundAdAccount(advertiser, 20_000);

        assertThat(market.adBalance(advertiser.api())).isEqualTo(20_000);
        assertThat(market.sellerBalance(advertiser.api(), "MERCHANT")).isEqualTo(merchant - 20_000);
        Api.Response tooMuch = advertiser.api().create("/api/v1/ads/account/top-ups",
                Map.of("amountMinor", merchant, "currency", "CNY"));
        assertThat(tooMuch.status()).isEqualTo(409);
        Api.Response zero = advertiser.api().create("/api/v1/ads/account/top-ups", Map.of("amountMinor", 0, "currency", "CNY"));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body()).contains("amountMinor");
        assertThat(market.adBalance(advertiser.api())).isEqualTo(20_000);
        JsonNode postings = advertiser.api().get("/api/v1/ads/account").json().get("postings");
        assertThat(postings).hasSize(1);
        assertThat(postings.get(0).get("kind").asString()).isEqualTo("AD_TOP_UP");
        assertThat(market.trialBalance().values()).containsOnly(0L);
    }

    @Test
    void fiftyConcurrentClicksNeverSpendPastTheDailyBudget() throws Exception {
        Advertiser advertiser = funded(50_000);
        long campaign = market.campaign(advertiser, 100, "2");
        List<String> links = market.links(advertiser, campaign, 50);
        long price = Long.parseLong(AdsFixture.params(links.getFirst()).get("m"));
        assertThat(price).isPositive();

        List<Click> clicks = clickAll(links);

        assertThat(clicks).allSatisfy(click -> {
            assertThat(click.status()).isEqualTo(302);
            assertThat(click.location()).endsWith("/p/" + advertiser.productId());
        });
        JsonNode view = market.campaignView(advertiser.api(), campaign);
        long spent = view.get("spentTodayMinor").asLong();
        assertThat(spent).isLessThanOrEqualTo(100);
        List<JsonNode> charged = charged(advertiser.api(), campaign);
        long sum = charged.stream().mapToLong(c -> c.get("chargedMinor").asLong()).sum();
        assertThat(sum).isEqualTo(spent);
        // Every link carries the price its auction set; a click is charged whole or not at all.
        assertThat(charged).isNotEmpty();
        assertThat(spent + price).as("the budget was used up to the last click that fitted").isGreaterThan(100);
        assertThat(market.adBalance(advertiser.api())).isEqualTo(50_000 - spent);
        assertThat(market.trialBalance().values()).containsOnly(0L);
    }

    @Test
    void concurrentClicksNeverTakeTheAdAccountBelowZero() throws Exception {
        Advertiser advertiser = market.advertiser(100_000, 1_000);
        market.earn(advertiser, 1);
        long campaign = market.campaign(advertiser, 100_000, "2");
        List<String> links = market.links(advertiser, campaign, 30);
        long price = Long.parseLong(AdsFixture.params(links.getFirst()).get("m"));
        long funds = 2 * price + price / 2;
        market.fundAdAccount(advertiser, funds);

        clickAll(links);

        long balance = market.adBalance(advertiser.api());
        long spent = charged(advertiser.api(), campaign).stream().mapToLong(c -> c.get("chargedMinor").asLong()).sum();
        assertThat(balance).isGreaterThanOrEqualTo(0).isLessThan(price);
        assertThat(balance + spent).isEqualTo(funds);
        assertThat(market.campaignView(advertiser.api(), campaign).get("spentTodayMinor").asLong()).isEqualTo(spent);
        JsonNode clicks = advertiser.api().get("/api/v1/ads/campaigns/" + campaign + "/clicks?limit=100").json();
        assertThat(clicks.findValuesAsString("outcome")).contains("NO_FUNDS");
        assertThat(market.trialBalance().values()).containsOnly(0L);
    }

    @Test
    void forgedTamperedExpiredAndReplayedLinksChargeNothing() {
        Advertiser advertiser = funded(10_000);
        long campaign = market.campaign(advertiser, 10_000, "2");
        List<String> links = market.links(advertiser, campaign, 3);
        String link = links.get(0);
        String signature = AdsFixture.params(link).get("s");

        Click forged = market.click(AdsFixture.withParam(link, "s", signature.substring(1) + (signature.charAt(0) == 'A' ? 'B' : 'A')));
        Click tampered = market.click(AdsFixture.withParam(link, "m", "1"));
        Click otherViewer = market.click(AdsFixture.withParam(link, "v", "v00000000-0000-0000-0000-000000000000"));
        Click garbage = market.click("/ads/click?a=x&c=1");
        assertThat(List.of(forged, tampered, otherViewer, garbage)).allSatisfy(click -> assertThat(click.status()).isEqualTo(400));
        assertThat(market.campaignView(advertiser.api(), campaign).get("spentTodayMinor").asLong()).isZero();

        Click first = market.click(link);
        Click replayed = market.click(link);
        assertThat(first.status()).isEqualTo(302);
        assertThat(replayed.status()).isEqualTo(302);
        assertThat(replayed.location()).endsWith("/p/" + advertiser.productId());
        long price = Long.parseLong(AdsFixture.params(link).get("m"));
        assertThat(market.campaignView(advertiser.api(), campaign).get("spentTodayMinor").asLong()).isEqualTo(price);

        market.clock().advance(Duration.ofMinutes(31));
        Click expired = market.click(links.get(1));
        assertThat(expired.status()).isEqualTo(302);
        assertThat(expired.location()).endsWith("/p/" + advertiser.productId());
        assertThat(market.campaignView(advertiser.api(), campaign).get("spentTodayMinor").asLong()).isEqualTo(price);
        assertThat(charged(advertiser.api(), campaign)).hasSize(1);
        assertThat(market.adBalance(advertiser.api())).isEqualTo(10_000 - price);
    }

    @Test
    void aViewerClickingTheSameAdAgainIsChargedOnce() {
        Advertiser advertiser = funded(10_000);
        long campaign = market.campaign(advertiser, 10_000, "2");
        Api buyer = market.buyer(0);
        String first = market.link(buyer, advertiser, campaign, null);
        String second = market.link(buyer, advertiser, campaign, null);
        assertThat(AdsFixture.params(first).get("a")).isNotEqualTo(AdsFixture.params(second).get("a"));

        assertThat(market.click(first).status()).isEqualTo(302);
        assertThat(market.click(second).status()).isEqualTo(302);

        assertThat(charged(advertiser.api(), campaign)).hasSize(1);
        JsonNode clicks = advertiser.api().get("/api/v1/ads/campaigns/" + campaign + "/clicks").json();
        assertThat(clicks.findValuesAsString("outcome")).containsExactlyInAnyOrder("CHARGED", "REPEATED");
    }

    @Test
    void everyChargeIsExplainedByItsAuction() {
        Advertiser advertiser = funded(10_000);
        long campaign = market.campaign(advertiser, 10_000, "2");
        String link = market.link(market.anonymous(), advertiser, campaign, java.util.UUID.randomUUID().toString());
        assertThat(market.click(link).status()).isEqualTo(302);
        long clickId = charged(advertiser.api(), campaign).getFirst().get("clickId").asLong();

        Api.Response explanation = advertiser.api().get("/api/v1/ads/clicks/" + clickId + "/explanation");

        assertThat(explanation.status()).isEqualTo(200);
        JsonNode x = explanation.json();
        assertThat(x.get("placement").asString()).isEqualTo("SEARCH");
        assertThat(x.get("reserveMinor").asLong()).isPositive();
        long price = x.get("click").get("chargedMinor").asLong();
        assertThat(price).isGreaterThanOrEqualTo(x.get("reserveMinor").asLong());
        JsonNode self = null;
        for (JsonNode candidate : x.get("ranked")) {
            if (candidate.get("self").asBoolean()) {
                self = candidate;
            } else {
                assertThat(candidate.get("campaignId").asLong()).as("competitors stay anonymous").isZero();
            }
        }
        assertThat(self).isNotNull();
        assertThat(self.get("priceMinor").asLong()).isEqualTo(price);
        assertThat(self.get("bidMinor").asLong()).isGreaterThanOrEqualTo(price);
        Api stranger = market.seller("TAOBAO").api();
        assertThat(stranger.get("/api/v1/ads/clicks/" + clickId + "/explanation").status()).isEqualTo(404);
    }

    private List<Click> clickAll(List<String> links) throws Exception {
        List<Click> clicks = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(links.size())) {
            List<Future<Click>> futures = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (String link : links) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return market.click(link);
                }));
            }
            start.countDown();
            for (Future<Click> future : futures) {
                clicks.add(future.get());
            }
        }
        return clicks;
    }

    private static List<JsonNode> charged(Api seller, long campaign) {
        JsonNode clicks = seller.get("/api/v1/ads/campaigns/" + campaign + "/clicks?limit=500").json();
        List<JsonNode> charged = new ArrayList<>();
        clicks.forEach(click -> {
            if (click.get("outcome").asString().equals("CHARGED")) {
                charged.add(click);
            }
        });
        return charged;
    }
}
