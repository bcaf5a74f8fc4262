package io.mercato.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Presale end to end over HTTP: the deposit in the presale window (money in escrow, the unit reserved), the final
 * payment in the final window priced with the deposit's worth, completion and settlement; the forfeit and refund
 * rules for a missed final payment; and the windows and limits refused with a clear 409.
 */
@MercatoTest
class PresaleIT {

    private static final long PRICE = 30_000;
    private static final long DEPOSIT = 5_000;
    private static final long WORTH = 10_000;

    @RegisterExtension
    final FestivalFixture market = new FestivalFixture();

    record Setup(Seller seller, long skuId, long festivalId, long offerId) {
    }

    private Setup presale(String rule, int limit) {
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), PRICE, 10);
        long festival = market.festival().get("id").asLong();
        long offer = market.offer(seller, festival, sku, DEPOSIT, WORTH, rule, limit);
        return new Setup(seller, sku, festival, offer);
    }

    @Test
    void aPresaleGoesFromDepositThroughFinalPaymentWithAPlatformVoucherToSettlement() {
        Setup setup = presale("FORFEIT", 1);
        long voucher = market.festivalVoucher(setup.festivalId(), 3_000, 20_000);
        Api buyer = market.buyer(100_000);
        market.claim(buyer, voucher);
        long stockBefore = market.available(setup.skuId());
        long subsidyBefore = market.platformBalance("SUBSIDY");

        long presaleId = market.depositOk(buyer, setup.offerId());
        assertThat(market.walletBalance(buyer)).as("the deposit left the wallet").isEqualTo(100_000 - DEPOSIT);
        assertThat(market.sellerBalance(setup.seller().api(), "ESCROW")).as("held in the store's escrow").isEqualTo(DEPOSIT);
        assertThat(market.available(setup.skuId())).as("one unit held for the buyer").isEqualTo(stockBefore - 1);
        assertThat(market.payFinal(buyer, presaleId).status()).as("final window not open yet").isEqualTo(409);

        market.clock().advance(FestivalFixture.DAY.plusMinutes(1));
        // Price 300, the festival's platform voucher takes 30 (the SKU is enrolled), the deposit of 50 is worth 100.
        long promoted = PRICE - 3_000;
        long due = promoted - WORTH;
        JsonNode quote = buyer.get("/api/v1/presales/" + presaleId + "/final-quote").json();
        assertThat(quote.get("due").get("minor").asLong()).as("price after the voucher less the deposit's worth").isEqualTo(due);
        assertThat(quote.get("orderTotal").get("minor").asLong()).isEqualTo(DEPOSIT + due);
        assertThat(quote.get("lines")).extracting(a -> a.get("kind").asString() + "/" + a.get("funder").asString()
                + "/" + a.get("amount").get("minor").asLong())
                .containsExactly("PLATFORM_VOUCHER/PLATFORM/3000", "PRESALE_DEPOSIT/MERCHANT/" + (WORTH - DEPOSIT));

        Api.Response paid = market.payFinal(buyer, presaleId);
        assertThat(paid.status()).as("final payment: %s", paid).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("FINAL_PAID");
        long orderId = paid.json().get("orderId").asLong();
        assertThat(market.walletBalance(buyer)).isEqualTo(100_000 - DEPOSIT - due);
        JsonNode order = buyer.get("/api/v1/orders/" + orderId).json();
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("totalMinor").asLong()).as("deposit plus balance").isEqualTo(DEPOSIT + due);
        assertThat(order.toString()).contains("PRESALE_DEPOSIT").contains("PLATFORM_VOUCHER");
        assertThat(buyer.get("/api/v1/pricing/coupons").json().get(0).get("state").asString()).isEqualTo("USED");
        assertThat(market.available(setup.skuId())).as("the held unit was sold, no second one").isEqualTo(stockBefore - 1);
        assertThat(market.payFinal(buyer, presaleId).status()).as("paid once").isEqualTo(409);

        Api seller = setup.seller().api();
        assertThat(seller.create("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890")).status()).isEqualTo(200);
        assertThat(seller.create("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);
        assertThat(buyer.create("/api/v1/orders/" + orderId + "/receipt-confirmation", null).status()).isEqualTo(200);
        long value = DEPOSIT + due + 3_000;
        long fee = Math.round(value * 0.006);
        assertThat(market.sellerBalance(seller, "ESCROW")).as("escrow released").isZero();
        assertThat(market.sellerBalance(seller, "MERCHANT")).as("what the buyer paid, plus the platform's voucher, less the fee")
                .isEqualTo(DEPOSIT + due + 3_000 - fee);
        assertThat(market.platformBalance("SUBSIDY") - subsidyBefore).as("the voucher is the platform's subsidy spend")
                .isEqualTo(-3_000);
        assertThat(market.trialBalance()).allSatisfy((currency, sum) -> assertThat(sum).isZero());
    }

    @Test
    void anUnpaidFinalForfeitsTheDepositToTheMerchantAndReleasesTheUnit() {
        Setup setup = presale("FORFEIT", 1);
        Api buyer = market.buyer(50_000);
        long stockBefore = market.available(setup.skuId());
        long presaleId = market.depositOk(buyer, setup.offerId());

        market.clock().advance(FestivalFixture.DAY.multipliedBy(2).plusMinutes(1));
        assertThat(market.payFinal(buyer, presaleId).status()).as("final window closed").isEqualTo(409);
        assertThat(market.runPresaleTimers()).isGreaterThanOrEqualTo(1);

        assertThat(market.presale(buyer, presaleId).get("status").asString()).isEqualTo("FORFEITED");
        assertThat(market.walletBalance(buyer)).as("the deposit is not returned").isEqualTo(50_000 - DEPOSIT);
        assertThat(market.sellerBalance(setup.seller().api(), "MERCHANT")).as("the merchant keeps it").isEqualTo(DEPOSIT);
        assertThat(market.sellerBalance(setup.seller().api(), "ESCROW")).isZero();
        assertThat(market.available(setup.skuId())).as("the unit is back on sale").isEqualTo(stockBefore);
        assertThat(market.trialBalance()).allSatisfy((currency, sum) -> assertThat(sum).isZero());
    }

    @Test
    void anUnpaidFinalRefundsTheDepositWhenTheOfferSaysSo() {
        Setup setup = presale("REFUND", 1);
        Api buyer = market.buyer(50_000);
        long stockBefore = market.available(setup.skuId());
        long presaleId = market.depositOk(buyer, setup.offerId());

        market.clock().advance(FestivalFixture.DAY.multipliedBy(2).plusMinutes(1));
        market.runPresaleTimers();

        assertThat(market.presale(buyer, presaleId).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(market.walletBalance(buyer)).as("the deposit came back").isEqualTo(50_000);
        assertThat(market.sellerBalance(setup.seller().api(), "MERCHANT")).isZero();
        assertThat(market.available(setup.skuId())).isEqualTo(stockBefore);
        JsonNode postings = buyer.get("/api/v1/presales/" + presaleId + "/postings").json();
        assertThat(postings).extracting(p -> p.get("kind").asString()).containsExactly("PRESALE_DEPOSIT", "PRESALE_REFUND");
    }

    @Test
    void depositsOutsideTheWindowOrBeyondTheLimitAreRefused() {
        Setup setup = presale("FORFEIT", 2);
        Api buyer = market.buyer(100_000);
        market.depositOk(buyer, setup.offerId());
        market.depositOk(buyer, setup.offerId());
        Api.Response third = market.deposit(buyer, setup.offerId());
        assertThat(third.status()).as("beyond the per-buyer limit: %s", third).isEqualTo(409);
        assertThat(third.json().get("detail").asString()).contains("at most 2");
        assertThat(market.walletBalance(buyer)).as("nothing taken for the refused deposit").isEqualTo(100_000 - 2 * DEPOSIT);

        Api other = market.buyer(100_000);
        long presaleId = market.depositOk(other, setup.offerId());
        assertThat(buyer.get("/api/v1/presales/" + presaleId).status()).as("someone else's presale").isEqualTo(403);
        assertThat(buyer.create("/api/v1/presales/" + presaleId + "/final-payment", Map.of()).status()).isEqualTo(403);

        market.clock().advance(FestivalFixture.DAY.plusMinutes(1));
        Api.Response late = market.deposit(market.buyer(100_000), setup.offerId());
        assertThat(late.status()).as("deposit after the window: %s", late).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("closed");

        Api.Response noAddress = buyer.create("/api/v1/presale-offers/" + setup.offerId() + "/deposits", Map.of());
        assertThat(noAddress.status()).isEqualTo(400);
        Map<String, Object> badPhone = new java.util.HashMap<>(io.mercato.MarketFixture.ADDRESS);
        badPhone.put("phone", "call me");
        Api.Response badAddress = buyer.create("/api/v1/presale-offers/" + setup.offerId() + "/deposits",
                Map.of("address", badPhone));
        assertThat(badAddress.status()).as("%s", badAddress).isEqualTo(400);
        assertThat(badAddress.body()).contains("address.phone");
        Api.Response badCoupons = buyer.create("/api/v1/presales/" + presaleId + "/final-payment",
                Map.of("claimIds", java.util.Arrays.asList(1L, null)));
        assertThat(badCoupons.status()).as("%s", badCoupons).isEqualTo(400);
        assertThat(market.deposit(buyer, 999_999_999L).status()).as("no such offer").isEqualTo(404);
    }

    @Test
    void aDepositBeforeThePresaleOpensIsRefused() {
        Seller seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), PRICE, 10);
        Instant now = market.clock().instant();
        Duration day = FestivalFixture.DAY;
        long festival = market.festival(now.plus(day), now.plus(day.multipliedBy(2)), now.plus(day.multipliedBy(2)),
                now.plus(day.multipliedBy(3)), now.plus(day.multipliedBy(2)), now.plus(day.multipliedBy(4))).get("id").asLong();
        long offer = market.offer(seller, festival, sku, DEPOSIT, WORTH, "REFUND", 1);
        Api.Response early = market.deposit(market.buyer(100_000), offer);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("open at");
    }
}
