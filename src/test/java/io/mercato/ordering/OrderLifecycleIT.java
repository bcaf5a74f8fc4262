package io.mercato.ordering;

import static io.mercato.ordering.OrderingFixture.assertConflict;
import static io.mercato.ordering.OrderingFixture.entry;
import static io.mercato.ordering.OrderingFixture.instant;
import static io.mercato.ordering.OrderingFixture.placedOrderId;
import static io.mercato.ordering.OrderingFixture.posting;
import static io.mercato.ordering.OrderingFixture.touches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MarketFixture.SkuSpec;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The happy path of an order from checkout to settlement, and the money it moves. */
@MercatoTest
class OrderLifecycleIT {

    @RegisterExtension
    final OrderingFixture market = new OrderingFixture();

    @Test
    void taobaoOrderGoesFromCheckoutToSettlementWithTheSoftwareServiceFee() {
        Seller seller = market.seller("TAOBAO");
        long sellerId = market.accountId(seller.api());
        long skuId = market.listedSku(seller, market.category(500), 8_250, 10);
        Api buyer = market.buyer(100_000);
        long buyerId = market.accountId(buyer);
        long total = 3 * 8_250; // 24750; 0.6% is 148.5, rounded half up to 149
        long fee = 149;

        Instant placedAt = market.clock().instant();
        Api.Response placed = market.checkout(buyer, skuId, 3);
        long orderId = placedOrderId(placed);
        JsonNode order = placed.json().get("orders").get(0);
        assertThat(order.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(order.get("totalMinor").asLong()).isEqualTo(total);
        assertThat(order.get("storeId").asLong()).isEqualTo(seller.storeId());
        assertThat(instant(order, "placedAt")).isCloseTo(placedAt, within(1, ChronoUnit.MILLIS));
        assertThat(instant(order, "payBy")).isCloseTo(placedAt.plus(Duration.ofMinutes(30)), within(1, ChronoUnit.MILLIS));
        market.assertStock(skuId, 10, 3);
        assertThat(market.available(skuId)).isEqualTo(7);
        assertThat(market.walletBalance(buyer)).as("nothing is debited before payment").isEqualTo(100_000);

        market.clock().advance(Duration.ofMinutes(5));
        Instant paidAt = market.clock().instant();
        JsonNode paid = market.pay(buyer, orderId);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(instant(paid, "paidAt")).isCloseTo(paidAt, within(1, ChronoUnit.MILLIS));
        assertThat(market.walletBalance(buyer)).isEqualTo(100_000 - total);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).as("money held in escrow").isEqualTo(total);
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isZero();
        market.assertStock(skuId, 7, 0);
        assertThat(market.available(skuId)).isEqualTo(7);

        market.clock().advance(Duration.ofHours(3));
        Instant shippedAt = market.clock().instant();
        JsonNode shipped = market.ship(seller.api(), orderId);
        assertThat(shipped.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(shipped.get("carrier").asString()).isEqualTo("SF Express");
        assertThat(shipped.get("trackingNumber").asString()).isEqualTo("SF1234567890");
        assertThat(instant(shipped, "shippedAt")).isCloseTo(shippedAt, within(1, ChronoUnit.MILLIS));
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isEqualTo(total);

        market.clock().advance(Duration.ofDays(2));
        Instant deliveredAt = market.clock().instant();
        JsonNode delivered = market.deliver(seller.api(), orderId);
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(instant(delivered, "deliveredAt")).isCloseTo(deliveredAt, within(1, ChronoUnit.MILLIS));
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).as("still held until the buyer confirms").isEqualTo(total);
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isZero();

        market.clock().advance(Duration.ofDays(1));
        Instant completedAt = market.clock().instant();
        JsonNode completed = market.confirm(buyer, orderId);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(instant(completed, "completedAt")).isCloseTo(completedAt, within(1, ChronoUnit.MILLIS));
        assertThat(completed.get("feeMinor").asLong()).isEqualTo(fee);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).as("escrow released").isZero();
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isEqualTo(total - fee);
        assertThat(market.walletBalance(buyer)).isEqualTo(100_000 - total);
        market.assertStock(skuId, 7, 0);

        JsonNode history = market.order(buyer, orderId).get("history");
        assertThat(history).hasSize(5);
        assertTransition(history.get(0), null, "AWAITING_PAYMENT", "buyer:" + buyerId, placedAt);
        assertTransition(history.get(1), "AWAITING_PAYMENT", "PAID", "buyer:" + buyerId, paidAt);
        assertTransition(history.get(2), "PAID", "SHIPPED", "seller:" + sellerId, shippedAt);
        assertTransition(history.get(3), "SHIPPED", "DELIVERED", "seller:" + sellerId, deliveredAt);
        assertTransition(history.get(4), "DELIVERED", "COMPLETED", "buyer:" + buyerId, completedAt);
        assertThat(market.order(seller.api(), orderId).get("status").asString()).as("the seller sees the same order")
                .isEqualTo("COMPLETED");

        List<JsonNode> postings = market.balancedPostings(buyer, orderId);
        assertThat(postings).hasSize(2);
        JsonNode payment = posting(postings, "ORDER_PAYMENT");
        assertThat(entry(payment, "WALLET", buyerId)).isEqualTo(-total);
        assertThat(entry(payment, "ESCROW", sellerId)).isEqualTo(total);
        JsonNode settlement = posting(postings, "SETTLEMENT");
        assertThat(entry(settlement, "ESCROW", sellerId)).isEqualTo(-total);
        assertThat(entry(settlement, "MERCHANT", sellerId)).isEqualTo(total - fee);
        assertThat(entry(settlement, "FEE_REVENUE", 0)).isEqualTo(fee);
        market.assertTrialBalanceIsZero();
    }

    @Test
    void tmallOrderPaysEachCategoryCommissionPerLine() {
        Seller seller = market.seller("TMALL");
        long sellerId = market.accountId(seller.api());
        long phone = market.listedSku(seller, market.category(500), 19_999, 5);
        long case_ = market.listedSku(seller, market.category(200), 3_333, 5);
        Api buyer = market.buyer(200_000);
        // 5% of 39998 is 1999.9 -> 2000; 2% of 3333 is 66.66 -> 67
        long total = 2 * 19_999 + 3_333;
        long fee = 2_000 + 67;

        Api.Response placed = buyer.create("/api/v1/checkouts", Map.of("address", MarketFixture.ADDRESS,
                "items", List.of(Map.of("skuId", phone, "quantity", 2), Map.of("skuId", case_, "quantity", 1))));
        long orderId = placedOrderId(placed);
        assertThat(placed.json().get("orders")).as("one store, one order").hasSize(1);
        assertThat(placed.json().get("orders").get(0).get("lines")).hasSize(2);
        market.pay(buyer, orderId);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isEqualTo(total);
        market.ship(seller.api(), orderId);
        market.deliver(seller.api(), orderId);
        JsonNode completed = market.confirm(buyer, orderId);

        assertThat(completed.get("feeMinor").asLong()).isEqualTo(fee);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isZero();
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isEqualTo(total - fee);
        assertThat(market.walletBalance(buyer)).isEqualTo(200_000 - total);
        JsonNode settlement = posting(market.balancedPostings(seller.api(), orderId), "SETTLEMENT");
        assertThat(entry(settlement, "MERCHANT", sellerId)).isEqualTo(total - fee);
        assertThat(entry(settlement, "FEE_REVENUE", 0)).isEqualTo(fee);
    }

    @Test
    void supermarketSaleSettlesWholeValueToThePlatform() {
        Api operator = market.operator();
        long operatorId = market.accountId(operator);
        Api.Response store = operator.create("/api/v1/stores", Map.of("name", "Supermarket " + System.nanoTime(),
                "kind", "SUPERMARKET"));
        assertThat(store.status()).as("open supermarket: %s", store).isEqualTo(201);
        Seller supermarket = new Seller(operator, store.id());
        long skuId = market.listedSku(supermarket, market.category(800), 2_599, 20);
        Api buyer = market.buyer(50_000);
        long buyerId = market.accountId(buyer);
        long total = 4 * 2_599;

        long orderId = market.paidOrder(buyer, skuId, 4);
        assertThat(market.walletBalance(buyer)).isEqualTo(50_000 - total);
        market.ship(operator, orderId);
        market.deliver(operator, orderId);
        JsonNode completed = market.confirm(buyer, orderId);

        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("feeMinor").asLong()).as("no fee on the platform's own sale").isZero();
        market.assertStock(skuId, 16, 0);
        List<JsonNode> postings = market.balancedPostings(buyer, orderId);
        JsonNode payment = posting(postings, "ORDER_PAYMENT");
        assertThat(entry(payment, "WALLET", buyerId)).isEqualTo(-total);
        assertThat(entry(payment, "ESCROW", 0)).as("the platform's own escrow").isEqualTo(total);
        JsonNode settlement = posting(postings, "SETTLEMENT");
        assertThat(entry(settlement, "ESCROW", 0)).isEqualTo(-total);
        assertThat(entry(settlement, "SALES_REVENUE", 0)).isEqualTo(total);
        assertThat(touches(settlement, "MERCHANT")).as("no merchant is credited").isFalse();
        assertThat(touches(settlement, "FEE_REVENUE")).isFalse();
        assertThat(entry(payment, "ESCROW", operatorId)).as("not the operator's personal escrow").isZero();
    }

    @Test
    void checkoutAcrossTwoStoresSplitsIntoOneOrderPerStoreAndPaysBoth() {
        Seller taobao = market.seller("TAOBAO");
        Seller tmall = market.seller("TMALL");
        long category = market.category(300);
        long shirt = market.listedSku(taobao, category, 4_500, 10);
        JsonNode shoes = market.listedProduct(tmall, category, List.of(
                new SkuSpec(Map.of("size", "42"), 39_900, 3), new SkuSpec(Map.of("size", "43"), 39_900, 3)));
        long size42 = shoes.get("skus").get(0).get("id").asLong();
        long size43 = shoes.get("skus").get(1).get("id").asLong();
        Api buyer = market.buyer(200_000);

        Api.Response placed = buyer.create("/api/v1/checkouts", Map.of("address", MarketFixture.ADDRESS, "items", List.of(
                Map.of("skuId", shirt, "quantity", 2), Map.of("skuId", size42, "quantity", 1),
                Map.of("skuId", size43, "quantity", 1))));
        assertThat(placed.status()).as("checkout: %s", placed).isEqualTo(201);
        long checkoutId = placed.json().get("checkoutId").asLong();
        JsonNode orders = placed.json().get("orders");
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).get("storeId").asLong()).isEqualTo(taobao.storeId());
        assertThat(orders.get(0).get("totalMinor").asLong()).isEqualTo(9_000);
        assertThat(orders.get(0).get("lines")).hasSize(1);
        assertThat(orders.get(1).get("storeId").asLong()).isEqualTo(tmall.storeId());
        assertThat(orders.get(1).get("totalMinor").asLong()).isEqualTo(79_800);
        assertThat(orders.get(1).get("lines")).hasSize(2);
        for (JsonNode order : orders) {
            assertThat(order.get("checkoutId").asLong()).isEqualTo(checkoutId);
            assertThat(order.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        }
        market.assertStock(shirt, 10, 2);
        market.assertStock(size42, 3, 1);
        market.assertStock(size43, 3, 1);

        Api.Response paid = buyer.create("/api/v1/checkouts/" + checkoutId + "/payment", null);
        assertThat(paid.status()).as("checkout payment: %s", paid).isEqualTo(200);
        assertThat(paid.json()).hasSize(2);
        for (JsonNode order : paid.json()) {
            assertThat(order.get("status").asString()).isEqualTo("PAID");
        }
        assertThat(market.walletBalance(buyer)).isEqualTo(200_000 - 9_000 - 79_800);
        assertThat(market.sellerBalance(taobao.api(), "ESCROW")).isEqualTo(9_000);
        assertThat(market.sellerBalance(tmall.api(), "ESCROW")).isEqualTo(79_800);
        market.assertStock(shirt, 8, 0);
        market.assertStock(size42, 2, 0);
        market.assertStock(size43, 2, 0);
        assertThat(market.order(taobao.api(), orders.get(0).get("id").asLong()).get("status").asString()).isEqualTo("PAID");
        assertThat(taobao.api().get("/api/v1/orders/" + orders.get(1).get("id").asLong()).status())
                .as("a seller cannot read another store's order").isEqualTo(403);

        Api.Response again = buyer.create("/api/v1/checkouts/" + checkoutId + "/payment", null);
        assertThat(again.status()).as("nothing left to pay: %s", again).isEqualTo(409);
        assertThat(market.walletBalance(buyer)).isEqualTo(200_000 - 9_000 - 79_800);
    }

    @Test
    void checkoutPaymentIsAllOrNothingWhenTheWalletCoversOnlyOneOrder() {
        Seller first = market.seller("TAOBAO");
        Seller second = market.seller("TAOBAO");
        long category = market.category(0);
        long cheap = market.listedSku(first, category, 3_000, 5);
        long dear = market.listedSku(second, category, 8_000, 5);
        Api buyer = market.buyer(10_000);

        Api.Response placed = buyer.create("/api/v1/checkouts", Map.of("address", MarketFixture.ADDRESS, "items", List.of(
                Map.of("skuId", cheap, "quantity", 1), Map.of("skuId", dear, "quantity", 1))));
        assertThat(placed.status()).as("checkout: %s", placed).isEqualTo(201);
        long checkoutId = placed.json().get("checkoutId").asLong();

        Api.Response paid = buyer.create("/api/v1/checkouts/" + checkoutId + "/payment", null);
        assertConflict(paid, "Top up the wallet");
        assertThat(market.walletBalance(buyer)).as("neither order was paid").isEqualTo(10_000);
        for (JsonNode order : placed.json().get("orders")) {
            assertThat(market.status(buyer, order.get("id").asLong())).isEqualTo("AWAITING_PAYMENT");
        }
        assertThat(market.sellerBalance(first.api(), "ESCROW")).isZero();
        market.assertStock(cheap, 5, 1);
        market.assertStock(dear, 5, 1);

        market.topUp(buyer, 1_000);
        Api.Response retried = buyer.create("/api/v1/checkouts/" + checkoutId + "/payment", null);
        assertThat(retried.status()).as("payment after top-up: %s", retried).isEqualTo(200);
        assertThat(market.walletBalance(buyer)).isZero();
        market.assertStock(cheap, 4, 0);
        market.assertStock(dear, 4, 0);
    }

    @Test
    void sellerWithdrawsTheSettledBalanceButNotMore() {
        Seller seller = market.seller("TAOBAO");
        long skuId = market.listedSku(seller, market.category(0), 10_000, 5);
        Api buyer = market.buyer(10_000);
        long orderId = market.paidOrder(buyer, skuId, 1);
        market.ship(seller.api(), orderId);
        market.deliver(seller.api(), orderId);
        market.confirm(buyer, orderId);
        long balance = 10_000 - 60;
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isEqualTo(balance);

        Api.Response tooMuch = seller.api().create("/api/v1/merchant/withdrawals",
                Map.of("amountMinor", balance + 1, "currency", "CNY"));
        assertConflict(tooMuch, "Cannot withdraw");
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).as("a refused withdrawal changes nothing")
                .isEqualTo(balance);

        Api.Response part = seller.api().create("/api/v1/merchant/withdrawals",
                Map.of("amountMinor", 4_000, "currency", "CNY"));
        assertThat(part.status()).as("withdrawal: %s", part).isEqualTo(201);
        assertThat(part.json().get("balanceAfterMinor").asLong()).isEqualTo(balance - 4_000);
        assertThat(part.json().get("providerReference").asString()).isNotBlank();
        Api.Response rest = seller.api().create("/api/v1/merchant/withdrawals",
                Map.of("amountMinor", balance - 4_000, "currency", "CNY"));
        assertThat(rest.status()).as("withdrawal: %s", rest).isEqualTo(201);
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isZero();

        Api.Response overdraw = seller.api().create("/api/v1/merchant/withdrawals",
                Map.of("amountMinor", 1, "currency", "CNY"));
        assertConflict(overdraw, "Cannot withdraw");
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isZero();
        market.assertTrialBalanceIsZero();
    }

    private static void assertTransition(JsonNode transition, String from, String to, String actor, Instant at) {
        if (from == null) {
            assertThat(transition.get("from")).as("from of %s", transition).isNull();
        } else {
            assertThat(transition.get("from").asString()).as("from of %s", transition).isEqualTo(from);
        }
        assertThat(transition.get("to").asString()).as("to of %s", transition).isEqualTo(to);
        assertThat(transition.get("actor").asString()).as("actor of %s", transition).isEqualTo(actor);
        assertThat(instant(transition, "at")).as("time of %s", transition).isCloseTo(at, within(1, ChronoUnit.MILLIS));
    }
}
