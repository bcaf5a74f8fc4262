package io.mercato.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.platform.Actor;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** What waits for a seller (orders to ship, returns to decide), counted and listed for that seller only. */
@MercatoTest
class WorkQueuesIT {

    @RegisterExtension
    final OrderingFixture market = new OrderingFixture();

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    RefundDesk refunds;

    Seller seller;
    Seller otherSeller;
    Actor sellerActor;
    Actor otherSellerActor;
    long sku;
    long otherSku;
    Api buyer;

    @BeforeEach
    void setUp() {
        seller = market.seller("TAOBAO");
        otherSeller = market.seller("TAOBAO");
        sellerActor = new Actor(market.accountId(seller.api()), Role.SELLER);
        otherSellerActor = new Actor(market.accountId(otherSeller.api()), Role.SELLER);
        long category = market.category(0);
        sku = market.listedSku(seller, category, 1_000, 50);
        otherSku = market.listedSku(otherSeller, category, 1_000, 50);
        buyer = market.buyer(1_000_000);
    }

    private long deliveredOrder(Seller from, long skuId) {
        return market.deliveredOrder(buyer, from.api(), skuId, 1);
    }

    private long requestReturn(long orderId) {
        Api.Response requested = buyer.create("/api/v1/orders/" + orderId + "/refunds", Map.of("reason", "does not fit"));
        assertThat(requested.status()).as("return: %s", requested).isEqualTo(201);
        return requested.json().get("id").asLong();
    }

    @Test
    void aSellerCountsAndListsOnlyTheReturnsOnItsOwnOrdersOldestFirst() {
        long first = requestReturn(deliveredOrder(seller, sku));
        long second = requestReturn(deliveredOrder(seller, sku));
        long others = requestReturn(deliveredOrder(otherSeller, otherSku));

        assertThat(refunds.countAwaitingDecision(sellerActor)).isEqualTo(2);
        assertThat(refunds.awaitingDecision(sellerActor, 10)).extracting(awaiting -> awaiting.refund().id())
                .containsExactly(first, second);
        assertThat(refunds.awaitingDecision(sellerActor, 1)).extracting(awaiting -> awaiting.refund().id())
                .containsExactly(first);
        assertThat(refunds.countAwaitingDecision(otherSellerActor)).isEqualTo(1);
        assertThat(refunds.awaitingDecision(otherSellerActor, 10)).singleElement()
                .satisfies(awaiting -> assertThat(awaiting.refund().id()).isEqualTo(others));

        Api.Response approved = seller.api().create("/api/v1/refunds/" + first + "/approval", null);
        assertThat(approved.status()).as("approval: %s", approved).isEqualTo(200);
        assertThat(refunds.countAwaitingDecision(sellerActor)).isEqualTo(1);
        assertThat(refunds.awaitingDecision(sellerActor, 10)).extracting(awaiting -> awaiting.refund().id())
                .containsExactly(second);
    }

    @Test
    void buyersHaveNoReturnsToDecide() {
        Actor buyerActor = new Actor(market.accountId(buyer), Role.BUYER);
        assertThatThrownBy(() -> refunds.countAwaitingDecision(buyerActor)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> refunds.awaitingDecision(buyerActor, 10)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void ordersToShipAreCountedPastAnyPageSize() {
        assertThat(lifecycle.count(sellerActor, OrderStatus.PAID)).isZero();
        for (int i = 0; i < 3; i++) {
            market.paidOrder(buyer, sku, 1);
        }
        market.paidOrder(buyer, otherSku, 1);
        market.checkout(buyer, sku, 1);

        assertThat(lifecycle.count(sellerActor, OrderStatus.PAID)).isEqualTo(3);
        assertThat(lifecycle.count(sellerActor, OrderStatus.AWAITING_PAYMENT)).isEqualTo(1);
        assertThat(lifecycle.count(sellerActor, null)).isEqualTo(4);
        assertThat(lifecycle.count(otherSellerActor, OrderStatus.PAID)).isEqualTo(1);
        assertThat(lifecycle.orders(sellerActor, OrderStatus.PAID, null, null, 0, 2)).hasSize(2);
        assertThat(lifecycle.count(new Actor(market.accountId(buyer), Role.BUYER), OrderStatus.PAID)).isEqualTo(4);
    }
}
