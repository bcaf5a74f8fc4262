package io.mercato.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.ads.AdServing;
import io.mercato.ads.SponsoredAd;
import io.mercato.identity.Accounts;
import io.mercato.payment.AdAccounts;
import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * "Merchants paying for ads per day" on a hand-computed scenario: three advertisers in a category of their own, whose
 * sponsored tiles buyers click over HTTP on two days. A merchant counts on a day when at least one of its clicks was
 * charged; a free click (no money in the ad account) and a replayed link charge no one.
 */
@MercatoTest
class AdMerchantsKpiIT {

    @RegisterExtension
    final InsightsFixture market = new InsightsFixture();

    @Test
    void aMerchantCountsOnEachDayOneOfItsClicksWasChargedAndLongerPeriodsAverageTheDays() {
        market.clock().advance(Duration.ofDays(30));
        LocalDate first = market.today();
        long category = market.category(300);
        Advertiser a = advertiser(category, 1_000_00);
        Advertiser b = advertiser(category, 1_000_00);
        Advertiser c = advertiser(category, 0); // an empty ad account: its clicks are counted free
        Api buyer1 = market.buyer(0);
        Api buyer2 = market.buyer(0);
        long one = market.accountId(buyer1);
        long two = market.accountId(buyer2);

        // First day: A charged twice (two buyers), B once, C's click free; a replayed link charges nothing more.
        assertThat(click(a, one)).isEqualTo(302);
        String link = link(a, two);
        assertThat(market.anonymous().page(link).status()).isEqualTo(302);
        assertThat(market.anonymous().page(link).status()).as("a replay still leads to the product").isEqualTo(302);
        assertThat(click(b, one)).isEqualTo(302);
        assertThat(click(c, one)).isEqualTo(302);
        assertThat(charged(a)).isEqualTo(2);
        assertThat(charged(b)).isEqualTo(1);
        assertThat(charged(c)).isZero();

        // Second day: only A is charged; C is clicked again, free.
        market.clock().advance(Duration.ofDays(1));
        LocalDate second = market.today();
        assertThat(click(a, two)).isEqualTo(302);
        assertThat(click(c, two)).isEqualTo(302);
        assertThat(charged(a)).isEqualTo(3);
        assertThat(charged(c)).isZero();
        market.rollUp();

        assertThat(market.day(first).get("adMerchants").asLong()).isEqualTo(2);
        assertThat(market.day(second).get("adMerchants").asLong()).isEqualTo(1);
        // A longer period shows the average over its days, rounded down: (2 + 1) / 2 = 1 when both days fall in it.
        Map<LocalDate, Long> perDay = Map.of(first, 2L, second, 1L);
        for (String grain : List.of("WEEK", "MONTH", "QUARTER")) {
            for (JsonNode row : market.kpis(first, second, grain, "ALL")) {
                LocalDate from = LocalDate.parse(row.get("from").asString());
                LocalDate to = LocalDate.parse(row.get("to").asString());
                long sum = perDay.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                        .mapToLong(Map.Entry::getValue).sum();
                assertThat(row.get("adMerchants").asLong()).as("%s %s", grain, row.get("period"))
                        .isEqualTo(sum / (to.toEpochDay() - from.toEpochDay() + 1));
            }
        }
        assertThat(market.kpis(first, first, "DAY", "TAOBAO").get(0).hasNonNull("adMerchants"))
                .as("a platform-wide figure, not split by segment").isFalse();

        // A full recompute from the sources gives the same numbers.
        assertThat(market.operator().post("/api/v1/operator/insights/recompute", null).status()).isEqualTo(200);
        assertThat(market.day(first).get("adMerchants").asLong()).isEqualTo(2);
        assertThat(market.day(second).get("adMerchants").asLong()).isEqualTo(1);

        // The quarterly results' KPI table carries it (the quarter's average per day: a whole number, at least 0).
        String quarter = first.getYear() + "Q" + ((first.getMonthValue() - 1) / 3 + 1);
        JsonNode report = market.ok(market.operator().get("/api/v1/operator/insights/quarters/" + quarter + "?currency=CNY"));
        assertThat(report.get("kpis").get(2).get("period").asString()).isEqualTo(quarter);
        assertThat(report.get("kpis").get(2).get("adMerchants").isIntegralNumber()).isTrue();
    }

    private record Advertiser(Seller seller, long sellerId, long productId) {
    }

    /** A seller with a listed product in the category, a campaign on it, and {@code credit} in its ad account. */
    private Advertiser advertiser(long category, long credit) {
        Seller seller = market.seller("TAOBAO");
        long sellerId = market.accountId(seller.api());
        long productId = market.listedProduct(seller, category,
                List.of(new MarketFixture.SkuSpec(Map.of("colour", "red"), 10_000, 100))).get("id").asLong();
        if (credit > 0) {
            market.bean(AdAccounts.class).grantCredit(operator(), sellerId, Money.of(credit, "CNY"), "test budget");
        }
        Api.Response campaign = seller.api().create("/api/v1/ads/campaigns", Map.of("productId", productId,
                "dailyBudgetMinor", 500_00, "targetRoi", new BigDecimal("2")));
        assertThat(campaign.status()).as("campaign: %s", campaign).isEqualTo(201);
        return new Advertiser(seller, sellerId, productId);
    }

    private Actor operator() {
        return new Actor(market.bean(Accounts.class).findByEmail(MarketFixture.OPERATOR_EMAIL).orElseThrow().id(),
                Role.OPERATOR);
    }

    /** The advertiser's click link on a search tile served to the buyer (viewer {@code b<account>}). */
    private String link(Advertiser advertiser, long buyerId) {
        AdServing serving = market.bean(AdServing.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (SponsoredAd ad : serving.forSearch(Set.of(advertiser.productId()), Set.of(), "b" + buyerId)) {
                if (ad.productId() == advertiser.productId()) {
                    return ad.clickUrl();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the campaign on product " + advertiser.productId() + " never won a slot");
    }

    /** Follows the advertiser's click link as the buyer's browser would; answers the status. */
    private int click(Advertiser advertiser, long buyerId) {
        return market.anonymous().page(link(advertiser, buyerId)).status();
    }

    /** How many of the advertiser's clicks were charged, from its campaigns' click lists. */
    private long charged(Advertiser advertiser) {
        JsonNode campaigns = market.ok(advertiser.seller().api().get("/api/v1/ads/campaigns"));
        long count = 0;
        for (JsonNode campaign : campaigns) {
            JsonNode clicks = market.ok(advertiser.seller().api().get("/api/v1/ads/campaigns/" + campaign.get("id").asLong()
                    + "/clicks?limit=100"));
            for (JsonNode click : clicks) {
                if (click.get("outcome").asString().equals("CHARGED")) {
                    count++;
                }
            }
        }
        return count;
    }
}
