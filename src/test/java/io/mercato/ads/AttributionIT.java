package io.mercato.ads;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.ads.AdsFixture.Advertiser;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Orders paid within 7 days of a buyer's ad click are attributed to the buyer's last click on that product. */
@MercatoTest
class AttributionIT {

    private static final long PRICE = 20_000;
    /**
     * How long the order's event may take to reach the ads listener: it is delivered after commit on the shared event
     * executor, behind whatever other tests published meanwhile; each test first waits for earlier events to drain.
     */
    private static final Duration EVENTS = Duration.ofSeconds(60);

    @RegisterExtension
    final AdsFixture market = new AdsFixture();

    @org.junit.jupiter.api.BeforeEach
    void drainEarlierEvents() throws InterruptedException {
        market.awaitEventsDelivered(Duration.ofMinutes(3));
    }

    private Advertiser funded() {
        Advertiser advertiser = market.advertiser(PRICE, 1_000);
        market.earn(advertiser, 1);
        market.fundAdAccount(advertiser, 10_000);
        return advertiser;
    }

    private void clickAs(Api buyer, Advertiser advertiser, long campaign) {
        assertThat(market.click(market.link(buyer, advertiser, campaign, null)).status()).isEqualTo(302);
    }

    private JsonNode total(Api seller, long campaign) {
        LocalDate today = LocalDate.ofInstant(market.clock().instant(), ZoneId.of("Asia/Shanghai"));
        Api.Response report = seller.get("/api/v1/ads/campaigns/" + campaign + "/report?by=DAY&from=" + today.minusDays(30)
                + "&to=" + today);
        assertThat(report.status()).as("%s", report).isEqualTo(200);
        return report.json().get("total");
    }

    private JsonNode awaitOrders(Api seller, long campaign, long orders) throws InterruptedException {
        long deadline = System.nanoTime() + EVENTS.toNanos();
        JsonNode total = total(seller, campaign);
        while (total.get("orders").asLong() < orders && System.nanoTime() < deadline) {
            Thread.sleep(100);
            total = total(seller, campaign);
        }
        return total;
    }

    @Test
    void anOrderSixDaysAfterTheClickIsAttributedAndOneEightDaysAfterIsNot() throws Exception {
        Advertiser advertiser = funded();
        long campaign = market.campaign(advertiser, 50_000, "2");
        Api early = market.buyer(1_000_000);
        String lateEmail = AdsFixture.uniqueEmail("late");
        Api late = market.account("BUYER", lateEmail);
        market.topUp(late, 1_000_000);
        clickAs(early, advertiser, campaign);
        clickAs(late, advertiser, campaign);

        market.clock().advance(Duration.ofDays(6));
        market.paidOrder(early, advertiser.skuId(), 1);
        JsonNode afterSix = awaitOrders(advertiser.api(), campaign, 1);
        assertThat(afterSix.get("orders").asLong()).isEqualTo(1);
        assertThat(afterSix.get("gmvMinor").asLong()).isEqualTo(PRICE);

        market.clock().advance(Duration.ofDays(2));
        // Sessions last a week: the late buyer signs in again.
        market.paidOrder(market.login(lateEmail, AdsFixture.PASSWORD), advertiser.skuId(), 1);
        Api operator = market.operator();
        // A buyer who clicks now and buys at once is attributed, so the listener has run past the late order too.
        Api fresh = market.buyer(1_000_000);
        clickAs(fresh, advertiser, campaign);
        market.paidOrder(fresh, advertiser.skuId(), 2);
        JsonNode total = awaitOrders(operator, campaign, 2);
        Thread.sleep(1_000);
        total = total(operator, campaign);
        assertThat(total.get("orders").asLong()).as("the order 8 days after its click is not attributed").isEqualTo(2);
        assertThat(total.get("gmvMinor").asLong()).isEqualTo(PRICE + 2 * PRICE);
        long spend = total.get("spendMinor").asLong();
        assertThat(total.get("roi").decimalValue()).isEqualByComparingTo(
                java.math.BigDecimal.valueOf(3 * PRICE).divide(java.math.BigDecimal.valueOf(spend), 2, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void theBuyersLastClickWins() throws Exception {
        Advertiser advertiser = funded();
        long first = market.campaign(advertiser, 50_000, "2");
        Api buyer = market.buyer(1_000_000);
        clickAs(buyer, advertiser, first);
        assertThat(advertiser.api().post("/api/v1/ads/campaigns/" + first + "/pause", null).status()).isEqualTo(200);
        long second = market.campaign(advertiser, 50_000, "3");
        market.clock().advance(Duration.ofHours(1));
        clickAs(buyer, advertiser, second);

        market.clock().advance(Duration.ofDays(1));
        market.paidOrder(buyer, advertiser.skuId(), 1);

        assertThat(awaitOrders(advertiser.api(), second, 1).get("orders").asLong()).isEqualTo(1);
        assertThat(total(advertiser.api(), first).get("orders").asLong()).isZero();
        assertThat(total(advertiser.api(), second).get("clicks").asLong()).isEqualTo(1);
    }

    @Test
    void theHomeFeedShowsAdsOfWhatTheBuyerBoughtLately() throws Exception {
        Advertiser advertiser = funded();
        long campaign = market.campaign(advertiser, 50_000, "2");
        Api buyer = market.buyer(1_000_000);
        market.paidOrder(buyer, advertiser.skuId(), 1);

        int slots = placementSlots("FEED");
        long deadline = System.nanoTime() + EVENTS.toNanos();
        boolean shown = false;
        while (!shown && System.nanoTime() < deadline) {
            JsonNode feed = buyer.get("/api/v1/ads/serve?placement=FEED").json();
            assertThat(feed.size()).isLessThanOrEqualTo(slots);
            shown = feed.findValues("campaignId").stream().anyMatch(id -> id.asLong() == campaign);
            Thread.sleep(100);
        }
        assertThat(shown).as("the feed of a buyer who bought in the category shows its ad").isTrue();
    }

    private int placementSlots(String placement) {
        for (JsonNode p : market.operator().get("/api/v1/operator/ads/placements").json()) {
            if (p.get("placement").asString().equals(placement)) {
                return p.get("slots").asInt();
            }
        }
        throw new AssertionError(placement);
    }
}
