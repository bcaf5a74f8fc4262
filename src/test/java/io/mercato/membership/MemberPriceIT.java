package io.mercato.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import io.mercato.pricing.AdjustmentKind;
import io.mercato.pricing.Promotions;
import io.mercato.pricing.Promotions.NewSkuPromotion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Member prices as the pricing engine sees membership: a buyer who joins 88VIP is quoted the member price of a
 * participating SKU (platform-funded), a buyer who is not — or whose membership was cancelled — the list price.
 */
@MercatoTest
class MemberPriceIT {

    @RegisterExtension
    final MembershipFixture market = new MembershipFixture();

    private JsonNode quote(Api buyer, long sku) {
        Api.Response quote = buyer.create("/api/v1/pricing/quotes", Map.of("items",
                List.of(Map.of("skuId", sku, "quantity", 2)), "coupons", "NONE"));
        assertThat(quote.status()).as("%s", quote).isEqualTo(200);
        return quote.json();
    }

    @Test
    void aMemberIsQuotedTheMemberPriceAndANonMemberTheListPrice() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 10_000, 100);
        Instant now = market.clock().instant();
        market.bean(Promotions.class).create(new Actor(market.accountId(seller.api()), Role.SELLER),
                new NewSkuPromotion(AdjustmentKind.MEMBER_PRICE, "88VIP price", sku, null, 500,
                        now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30))));
        Api member = market.buyerWithPoints(1_000, 8_800);
        Api other = market.buyerWithPoints(0, 0);

        assertThat(quote(member, sku).get("payable").get("minor").asLong()).as("before joining").isEqualTo(20_000);
        Api.Response joined = member.create("/api/v1/membership/vip/joins", null);
        assertThat(joined.status()).isEqualTo(201);

        JsonNode quote = quote(member, sku);
        assertThat(quote.get("payable").get("minor").asLong()).as("5% off two units of ¥100").isEqualTo(19_000);
        JsonNode adjustment = quote.get("lines").get(0).get("adjustments").get(0);
        assertThat(adjustment.get("kind").asString()).isEqualTo("MEMBER_PRICE");
        assertThat(adjustment.get("funder").asString()).isEqualTo("PLATFORM");
        assertThat(quote(other, sku).get("payable").get("minor").asLong()).as("not a member").isEqualTo(20_000);

        Api.Response cancelled = member.create("/api/v1/membership/vip/terms/" + joined.id() + "/cancellation", null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(quote(member, sku).get("payable").get("minor").asLong()).as("cancelled: list price again")
                .isEqualTo(20_000);
    }
}
