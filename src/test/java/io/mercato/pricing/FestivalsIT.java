package io.mercato.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.pricing.internal.FestivalScope;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Festivals over HTTP: an operator's campaign with its windows, bad dates refused naming the field, stores let in,
 * SKUs enrolled by their sellers until the start (and by no one else), an operator's removal that sticks, and the
 * in-memory scope the pricing engine reads following every change.
 */
@MercatoTest
class FestivalsIT {

    @RegisterExtension
    final FestivalFixture market = new FestivalFixture();

    private Map<String, Object> body(Instant starts, Instant ends) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameEn", "618");
        body.put("nameZh", "六一八");
        body.put("startsAt", starts.toString());
        body.put("endsAt", ends.toString());
        return body;
    }

    @Test
    void anOperatorCreatesAFestivalAndBadDatesAreRefusedNamingTheField() {
        Instant now = market.clock().instant();
        Api operator = market.operator();
        Api.Response created = operator.create("/api/v1/operator/festivals", body(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3))));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().get("kind").asString()).isEqualTo("SHOPPING_FESTIVAL");
        assertThat(market.anonymous().get("/api/v1/festivals/" + created.id()).json().get("nameZh").asString()).isEqualTo("六一八");
        assertThat(market.anonymous().get("/api/v1/festivals").json()).extracting(f -> f.get("id").asLong()).contains(created.id());
        Api.Response index = market.anonymous().page("/festivals");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).as("the shop's festival index links it").contains("href=\"/festivals/" + created.id() + "\"");

        Api.Response backwards = operator.create("/api/v1/operator/festivals", body(now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(1))));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("endsAt");

        Map<String, Object> half = body(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)));
        half.put("presaleFrom", now.toString());
        Api.Response partial = operator.create("/api/v1/operator/festivals", half);
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.body()).contains("presaleUntil");

        Map<String, Object> late = body(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)));
        late.putAll(Map.of("presaleFrom", now.toString(), "presaleUntil", now.plus(Duration.ofDays(2)).toString(),
                "finalFrom", now.plus(Duration.ofDays(2)).toString(), "finalUntil", now.plus(Duration.ofDays(3)).toString()));
        Api.Response overlapping = operator.create("/api/v1/operator/festivals", late);
        assertThat(overlapping.status()).isEqualTo(400);
        assertThat(overlapping.body()).contains("presaleUntil");

        Map<String, Object> noName = body(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)));
        noName.put("nameEn", " ");
        assertThat(operator.create("/api/v1/operator/festivals", noName).body()).contains("nameEn");

        Api seller = market.account("SELLER");
        assertThat(seller.create("/api/v1/operator/festivals", body(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3))))
                .status()).as("only operators create festivals").isEqualTo(403);
        assertThat(market.anonymous().get("/api/v1/festivals/999999999").status()).isEqualTo(404);
    }

    @Test
    void sellersEnrolTheirOwnSkusOfParticipatingStoresUntilTheStartAndTheScopeFollows() {
        Seller seller = market.seller("TAOBAO");
        Seller outsider = market.seller("TAOBAO");
        long category = market.category(0);
        long sku = market.listedSku(seller, category, 10_000, 5);
        long outsiderSku = market.listedSku(outsider, category, 10_000, 5);
        long festival = market.festival().get("id").asLong();
        FestivalScope scope = market.bean(FestivalScope.class);

        Api.Response notIn = seller.api().create("/api/v1/festivals/" + festival + "/enrolments", Map.of("skuId", sku));
        assertThat(notIn.status()).as("the store does not take part yet: %s", notIn).isEqualTo(409);
        market.join(festival, seller.storeId());
        assertThat(outsider.api().create("/api/v1/festivals/" + festival + "/enrolments", Map.of("skuId", sku)).status())
                .as("someone else's SKU").isEqualTo(403);
        market.enrol(seller.api(), festival, sku);
        market.enrol(seller.api(), festival, sku);
        assertThat(scope.festivalsOf(sku)).as("the engine sees the enrolment at once").contains(festival);
        assertThat(scope.festivalsOf(outsiderSku)).doesNotContain(festival);
        JsonNode enrolments = market.anonymous().get("/api/v1/festivals/" + festival + "/enrolments").json();
        assertThat(enrolments).extracting(e -> e.get("skuId").asLong()).containsExactly(sku);

        assertThat(seller.api().delete("/api/v1/festivals/" + festival + "/enrolments/" + sku).status()).isEqualTo(204);
        assertThat(scope.festivalsOf(sku)).doesNotContain(festival);
        market.enrol(seller.api(), festival, sku);

        market.clock().advance(FestivalFixture.DAY.plusMinutes(1));
        long another = market.listedSku(seller, category, 10_000, 5);
        Api.Response tooLate = seller.api().create("/api/v1/festivals/" + festival + "/enrolments", Map.of("skuId", another));
        assertThat(tooLate.status()).as("enrolment closed at the start: %s", tooLate).isEqualTo(409);
        assertThat(seller.api().delete("/api/v1/festivals/" + festival + "/enrolments/" + sku).status())
                .as("a seller cannot withdraw once it started").isEqualTo(409);

        assertThat(market.operator().delete("/api/v1/festivals/" + festival + "/enrolments/" + sku + "?reason=counterfeit")
                .status()).isEqualTo(204);
        assertThat(scope.festivalsOf(sku)).doesNotContain(festival);
        assertThat(market.anonymous().get("/api/v1/festivals/" + festival + "/enrolments").json()).isEmpty();
    }

    @Test
    void anOperatorsRemovalCannotBeUndoneByTheSeller() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 10_000, 5);
        long festival = market.festival().get("id").asLong();
        market.join(festival, seller.storeId());
        market.enrol(seller.api(), festival, sku);
        assertThat(market.operator().delete("/api/v1/festivals/" + festival + "/enrolments/" + sku).status()).isEqualTo(204);
        Api.Response again = seller.api().create("/api/v1/festivals/" + festival + "/enrolments", Map.of("skuId", sku));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("operator removed");
    }

    @Test
    void aValueChannelTakesSmallMerchantsOnlyAndPresaleOffersKeepTheirRules() {
        Instant now = market.clock().instant();
        Map<String, Object> channel = body(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(5)));
        channel.put("kind", "VALUE_CHANNEL");
        long festival = market.operator().create("/api/v1/operator/festivals", channel).id();
        Seller tmall = market.seller("TMALL");
        Api.Response refused = market.operator().create("/api/v1/operator/festivals/" + festival + "/stores",
                Map.of("storeId", tmall.storeId()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("Taobao");

        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 10_000, 5);
        market.join(festival, seller.storeId());
        market.enrol(seller.api(), festival, sku);
        Api.Response noPresale = seller.api().create("/api/v1/festivals/" + festival + "/presales", Map.of("skuId", sku,
                "depositMinor", 1000, "worthMinor", 2000, "unpaidRule", "FORFEIT"));
        assertThat(noPresale.status()).as("the festival has no presale windows").isEqualTo(409);

        long withPresale = market.festival().get("id").asLong();
        market.join(withPresale, seller.storeId());
        Api.Response notEnrolled = seller.api().create("/api/v1/festivals/" + withPresale + "/presales", Map.of("skuId", sku,
                "depositMinor", 1000, "worthMinor", 2000, "unpaidRule", "FORFEIT"));
        assertThat(notEnrolled.status()).isEqualTo(409);
        market.enrol(seller.api(), withPresale, sku);
        for (var bad : List.of(
                Map.of("skuId", sku, "depositMinor", 3000, "worthMinor", 2000, "unpaidRule", "FORFEIT"),
                Map.of("skuId", sku, "depositMinor", 0, "worthMinor", 2000, "unpaidRule", "FORFEIT"),
                Map.of("skuId", sku, "depositMinor", 1000, "worthMinor", 20_000, "unpaidRule", "FORFEIT"),
                Map.of("skuId", sku, "depositMinor", 1000, "worthMinor", 2000))) {
            Api.Response response = seller.api().create("/api/v1/festivals/" + withPresale + "/presales", bad);
            assertThat(response.status()).as("%s: %s", bad, response).isEqualTo(400);
        }
        assertThat(seller.api().create("/api/v1/festivals/" + withPresale + "/presales", Map.of("skuId", sku,
                "depositMinor", 1000, "worthMinor", 2000, "unpaidRule", "REFUND")).status()).isEqualTo(201);
        assertThat(seller.api().create("/api/v1/festivals/" + withPresale + "/presales", Map.of("skuId", sku,
                "depositMinor", 1000, "worthMinor", 2000, "unpaidRule", "REFUND")).status()).as("once per SKU").isEqualTo(409);
        assertThat(seller.api().delete("/api/v1/festivals/" + withPresale + "/enrolments/" + sku).status())
                .as("buyers' deposits depend on it").isEqualTo(409);
    }

    @Test
    void aFestivalVoucherTakesOffOnlyTheFestivalsEnrolledSkus() {
        Seller seller = market.seller("TAOBAO");
        long category = market.category(0);
        long enrolled = market.listedSku(seller, category, 30_000, 5);
        long outside = market.listedSku(seller, category, 30_000, 5);
        long festival = market.festival().get("id").asLong();
        market.join(festival, seller.storeId());
        market.enrol(seller.api(), festival, enrolled);
        long pool = market.festivalVoucher(festival, 3_000, 20_000);
        assertThat(market.anonymous().get("/api/v1/festivals/" + festival + "/voucher-pools").json())
                .extracting(p -> p.get("poolId").asLong()).containsExactly(pool);
        Api buyer = market.buyer(100_000);
        market.claim(buyer, pool);

        JsonNode inside = buyer.create("/api/v1/pricing/quotes", Map.of("items", List.of(Map.of("skuId", enrolled, "quantity", 1)))).json();
        assertThat(inside.get("payable").get("minor").asLong()).as("the festival's voucher applies").isEqualTo(27_000);
        JsonNode notInside = buyer.create("/api/v1/pricing/quotes", Map.of("items", List.of(Map.of("skuId", outside, "quantity", 1)))).json();
        assertThat(notInside.get("payable").get("minor").asLong()).as("not on a SKU the festival does not hold").isEqualTo(30_000);

        assertThat(market.operator().delete("/api/v1/festivals/" + festival + "/enrolments/" + enrolled).status()).isEqualTo(204);
        JsonNode removed = buyer.create("/api/v1/pricing/quotes", Map.of("items", List.of(Map.of("skuId", enrolled, "quantity", 1)))).json();
        assertThat(removed.get("payable").get("minor").asLong()).as("nor once an operator removed it").isEqualTo(30_000);

        Api.Response forAStore = market.operator().create("/api/v1/operator/festivals/" + festival + "/voucher-pools",
                Map.of("name", "x", "amountOffMinor", 100, "totalLimit", 0, "claimFrom", "2026-01-01T00:00:00Z",
                        "claimUntil", "2026-01-02T00:00:00Z", "validFrom", "2026-01-01T00:00:00Z", "validUntil", "2026-01-02T00:00:00Z"));
        assertThat(forAStore.status()).as("bad pool: %s", forAStore).isEqualTo(400);
        assertThat(seller.api().create("/api/v1/operator/festivals/" + festival + "/voucher-pools", Map.of("name", "x"))
                .status()).as("only operators").isEqualTo(403);
    }
}
