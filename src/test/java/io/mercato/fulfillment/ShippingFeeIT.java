package io.mercato.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.fulfillment.FulfillmentFixture.Shipper;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The shipping fee of the store's template is charged at checkout, paid into escrow with the goods, settled to the
 * merchant, waived over the free-shipping threshold, and given back with the last units refunded before settlement.
 * The fixture's template: ¥8.00 the first kilogram and ¥2.00 each further one to CN, free from ¥99.00.
 */
@MercatoTest
class ShippingFeeIT {

    @RegisterExtension
    final FulfillmentFixture market = new FulfillmentFixture();

    private long sku(Shipper shipper) {
        return market.listedSku(shipper.seller(), market.category(0), 1_000, 100);
    }

    private Shipper shipper() {
        return market.shipper("TAOBAO", market.network().nextDay(), LocalTime.of(23, 59));
    }

    @Test
    void theFeeIsPartOfTheTotalPaidAndSettlesToTheMerchant() {
        Shipper shipper = shipper();
        Api buyer = market.buyer(100_000);

        long orderId = market.paidOrder(buyer, sku(shipper), 2);

        JsonNode order = market.order(buyer, orderId);
        assertThat(order.get("shippingMinor").asLong()).as("¥8 + one further ¥2").isEqualTo(1_000);
        assertThat(order.get("totalMinor").asLong()).isEqualTo(3_000);
        assertThat(market.walletBalance(buyer)).isEqualTo(97_000);
        assertThat(market.sellerBalance(shipper.api(), "ESCROW")).isEqualTo(3_000);

        market.pack(shipper.api(), orderId, market.lineId(buyer, orderId), 2);
        market.expect(buyer.create("/api/v1/orders/" + orderId + "/receipt-confirmation", null), 200);

        // Taobao's 0.6% service fee is on the goods (¥20.00 → ¥0.12), not on the shipping fee, which is the merchant's.
        assertThat(market.sellerBalance(shipper.api(), "MERCHANT")).isEqualTo(3_000 - 12);
        assertThat(market.order(buyer, orderId).get("feeMinor").asLong()).isEqualTo(12);
    }

    @Test
    void goodsReachingTheThresholdShipFree() {
        Shipper shipper = shipper();
        Api buyer = market.buyer(100_000);

        long orderId = market.paidOrder(buyer, sku(shipper), 10);

        JsonNode order = market.order(buyer, orderId);
        assertThat(order.get("shippingMinor").asLong()).isZero();
        assertThat(order.get("totalMinor").asLong()).isEqualTo(10_000);
        assertThat(market.walletBalance(buyer)).isEqualTo(90_000);
    }

    @Test
    void aStoreWithoutATemplateChargesNothing() {
        var seller = market.seller("TAOBAO");
        Api buyer = market.buyer(100_000);

        long orderId = market.paidOrder(buyer, market.listedSku(seller, market.category(0), 1_000, 10), 1);

        assertThat(market.order(buyer, orderId).get("shippingMinor").asLong()).isZero();
        assertThat(market.walletBalance(buyer)).isEqualTo(99_000);
    }

    @Test
    void cancellingBeforeShipmentGivesTheFeeBack() {
        Shipper shipper = shipper();
        Api buyer = market.buyer(100_000);
        long orderId = market.paidOrder(buyer, sku(shipper), 1);
        assertThat(market.walletBalance(buyer)).isEqualTo(100_000 - 1_800);

        market.expect(buyer.create("/api/v1/orders/" + orderId + "/cancellation", Map.of("reason", "changed my mind")), 200);

        JsonNode order = market.order(buyer, orderId);
        assertThat(order.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(order.get("refundedMinor").asLong()).isEqualTo(1_800);
        assertThat(market.walletBalance(buyer)).isEqualTo(100_000);
        assertThat(market.sellerBalance(shipper.api(), "ESCROW")).isZero();
    }

    @Test
    void onlyTheRefundOfTheLastUnitsGivesTheFeeBack() {
        Shipper shipper = shipper();
        Api buyer = market.buyer(100_000);
        long orderId = market.paidOrder(buyer, sku(shipper), 2);
        long lineId = market.lineId(buyer, orderId);

        JsonNode first = market.expect(buyer.create("/api/v1/orders/" + orderId + "/refunds", Map.of("reason", "one too many",
                "items", List.of(Map.of("lineId", lineId, "quantity", 1)))), 201);
        assertThat(first.get("amountMinor").asLong()).as("one unit's share, no fee").isEqualTo(1_000);
        assertThat(market.order(buyer, orderId).get("status").asString()).isEqualTo("PAID");

        JsonNode last = market.expect(buyer.create("/api/v1/orders/" + orderId + "/refunds", Map.of("reason", "none at all")), 201);
        assertThat(last.get("amountMinor").asLong()).as("the last unit and the ¥10 fee").isEqualTo(2_000);
        JsonNode order = market.order(buyer, orderId);
        assertThat(order.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(order.get("refundedMinor").asLong()).isEqualTo(order.get("totalMinor").asLong());
        assertThat(market.walletBalance(buyer)).isEqualTo(100_000);
    }
}
