package io.mercato.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * SKU promotions and threshold discounts over the API: display prices and quotes follow them at once, and absurd
 * prices, percentages and windows are refused naming the field, with nothing written.
 */
@MercatoTest
class PromotionsIT {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    MarketFixture market;
    Seller seller;
    long sku;

    @BeforeEach
    void setUp() {
        market = new MarketFixture(port);
        seller = market.seller("TAOBAO");
        sku = market.listedSku(seller, market.category(0), 10_000, 100);
    }

    private Map<String, Object> promotion(String kind, Object price, Integer percent, Duration from, Duration until) {
        Instant now = clock.instant();
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", kind + " test");
        body.put("skuId", sku);
        if (price != null) {
            body.put("price", price);
        }
        if (percent != null) {
            body.put("percentOffBasisPoints", percent);
        }
        body.put("startsAt", now.plus(from).toString());
        body.put("endsAt", now.plus(until).toString());
        return body;
    }

    private static Map<String, Object> cny(long minor) {
        return Map.of("minor", minor, "currency", "CNY");
    }

    @Test
    void aFlashSaleAndASubsidyShowAtOnceAndTheLowerPriceWins() {
        Api.Response flash = seller.api().create("/api/v1/pricing/promotions",
                promotion("FLASH_SALE", cny(8_000), null, Duration.ofMinutes(-1), Duration.ofHours(2)));
        assertThat(flash.status()).as("%s", flash).isEqualTo(201);
        JsonNode shown = market.anonymous().get("/api/v1/pricing/display-prices?skuIds=" + sku).json().get(String.valueOf(sku));
        assertThat(shown.get("price").get("minor").asLong()).isEqualTo(8_000);
        assertThat(shown.get("list").get("minor").asLong()).isEqualTo(10_000);
        assertThat(shown.get("adjustment").get("kind").asString()).isEqualTo("FLASH_SALE");

        Api.Response subsidy = market.operator().create("/api/v1/pricing/promotions",
                promotion("SUBSIDY", null, 3_000, Duration.ofMinutes(-1), Duration.ofHours(2)));
        assertThat(subsidy.status()).as("%s", subsidy).isEqualTo(201);
        Api buyer = market.account("BUYER");
        JsonNode quote = buyer.create("/api/v1/pricing/quotes", Map.of("items", List.of(Map.of("skuId", sku, "quantity", 3))))
                .json();
        JsonNode line = quote.get("lines").get(0);
        assertThat(line.get("adjustments")).hasSize(1);
        assertThat(line.get("adjustments").get(0).get("kind").asString()).isEqualTo("SUBSIDY");
        assertThat(line.get("adjustments").get(0).get("funder").asString()).isEqualTo("PLATFORM");
        assertThat(line.get("paid").get("minor").asLong()).isEqualTo(21_000);
        assertThat(quote.get("platformFunded").get("minor").asLong()).isEqualTo(9_000);

        // Ending the subsidy brings the flash sale back.
        long subsidyId = subsidy.json().get("id").asLong();
        assertThat(market.operator().create("/api/v1/pricing/promotions/" + subsidyId + "/end", null).status()).isEqualTo(200);
        JsonNode after = buyer.create("/api/v1/pricing/quotes", Map.of("items", List.of(Map.of("skuId", sku, "quantity", 1)))).json();
        assertThat(after.get("payable").get("minor").asLong()).isEqualTo(8_000);
    }

    @Test
    void aThresholdDiscountIsApportionedAcrossStoresToTheCent() {
        Seller other = market.seller("TAOBAO");
        long otherSku = market.listedSku(other, market.category(0), 20_001, 100);
        Instant now = clock.instant();
        Api.Response threshold = market.operator().create("/api/v1/operator/pricing/thresholds", Map.of("name", "50 off 300",
                "step", cny(30_000), "off", cny(5_000), "cap", cny(5_000), "startsAt", now.minusSeconds(60).toString(),
                "endsAt", now.plus(Duration.ofHours(1)).toString()));
        assertThat(threshold.status()).as("%s", threshold).isEqualTo(201);
        try {
            Api buyer = market.account("BUYER");
            JsonNode quote = buyer.create("/api/v1/pricing/quotes", Map.of("items", List.of(Map.of("skuId", sku, "quantity", 1),
                    Map.of("skuId", otherSku, "quantity", 1)))).json();
            // 50 over 100.00 and 200.01: 16.67 and 33.33 after the remainder goes to the larger fraction.
            JsonNode lines = quote.get("lines");
            long first = lines.get(0).get("adjustments").get(0).get("amount").get("minor").asLong();
            long second = lines.get(1).get("adjustments").get(0).get("amount").get("minor").asLong();
            assertThat(first + second).isEqualTo(5_000);
            assertThat(first).isEqualTo(1_667);
            assertThat(quote.get("payable").get("minor").asLong()).isEqualTo(30_001 - 5_000);
        } finally {
            market.operator().create("/api/v1/operator/pricing/thresholds/" + threshold.json().get("id").asLong() + "/end", null);
        }
    }

    @Test
    void absurdPromotionsAreRefusedNamingTheField() {
        long before = jdbc.sql("SELECT count(*) FROM pricing.sku_promotions").query(Long.class).single();
        Map<String, Map<String, Object>> bySeller = new java.util.LinkedHashMap<>();
        bySeller.put("price", promotion("FLASH_SALE", cny(12_000), null, Duration.ZERO, Duration.ofHours(1)));
        bySeller.put("price ", promotion("LIMITED_TIME", cny(0), null, Duration.ZERO, Duration.ofHours(1)));
        bySeller.put("percentOffBasisPoints", promotion("MEMBER_PRICE", null, 5_000, Duration.ZERO, Duration.ofHours(1)));
        bySeller.put("endsAt", promotion("FLASH_SALE", cny(9_000), null, Duration.ZERO, Duration.ofDays(30)));
        bySeller.put("endsAt ", promotion("LIMITED_TIME", null, 1_000, Duration.ofHours(2), Duration.ofHours(1)));
        bySeller.put("price.currency", promotion("FLASH_SALE", Map.of("minor", 9_000, "currency", "USD"), null, Duration.ZERO, Duration.ofHours(1)));
        bySeller.put("kind", promotion("STORE_COUPON", cny(9_000), null, Duration.ZERO, Duration.ofHours(1)));
        for (var entry : bySeller.entrySet()) {
            Api.Response refused = seller.api().create("/api/v1/pricing/promotions", entry.getValue());
            assertThat(refused.status()).as("%s: %s", entry.getKey(), refused).isEqualTo(400);
            assertThat(refused.body()).as(entry.getKey()).contains(entry.getKey().strip());
        }
        Api.Response deepSubsidy = market.operator().create("/api/v1/pricing/promotions",
                promotion("SUBSIDY", null, 8_500, Duration.ZERO, Duration.ofHours(1)));
        assertThat(deepSubsidy.status()).isEqualTo(400);
        assertThat(deepSubsidy.json().get("detail").asString()).contains("8000");
        Api.Response sellerSubsidy = seller.api().create("/api/v1/pricing/promotions",
                promotion("SUBSIDY", null, 1_000, Duration.ZERO, Duration.ofHours(1)));
        assertThat(sellerSubsidy.status()).isEqualTo(403);
        Api.Response foreign = market.seller("TAOBAO").api().create("/api/v1/pricing/promotions",
                promotion("FLASH_SALE", cny(9_000), null, Duration.ZERO, Duration.ofHours(1)));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM pricing.sku_promotions").query(Long.class).single()).isEqualTo(before);
    }
}
