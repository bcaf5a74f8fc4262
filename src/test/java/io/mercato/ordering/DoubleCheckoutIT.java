package io.mercato.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** A cart is bought once, however many times and however fast "place order" is sent. */
@MercatoTest
class DoubleCheckoutIT {

    static final Address ADDRESS = new Address("Li Lei", "13800138000", "1 Wensan Road", null, "Hangzhou", null, null, "CN");

    @RegisterExtension
    final OrderingFixture market = new OrderingFixture();

    @Autowired
    Checkout checkout;

    long skuA;
    long skuB;
    Api buyer;

    @BeforeEach
    void setUp() {
        Seller first = market.seller("TAOBAO");
        Seller second = market.seller("TAOBAO");
        skuA = market.sku(first, 1_000, 10);
        skuB = market.sku(second, 2_000, 10);
        buyer = market.buyer(100_000);
    }

    private void fillCart() {
        assertThat(buyer.put("/api/v1/cart/items/" + skuA, Map.of("quantity", 1)).status()).isEqualTo(200);
        assertThat(buyer.put("/api/v1/cart/items/" + skuB, Map.of("quantity", 2)).status()).isEqualTo(200);
    }

    private long ordersOfBuyer() {
        return buyer.get("/api/v1/orders?size=100").json().size();
    }

    @Test
    void fiveCheckoutsOfOneCartAtOnceBuyItOnce() throws Exception {
        fillCart();
        int attempts = 5;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> sent = new ArrayList<>();
        try (ExecutorService clicks = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                sent.add(clicks.submit(() -> {
                    start.await();
                    return buyer.create("/api/v1/checkouts", Map.of("address", MarketFixture.ADDRESS));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> response : sent) {
                statuses.add(response.get().status());
            }
            assertThat(statuses).as("one checkout placed, the rest find the cart already bought")
                    .containsOnlyOnce(201).filteredOn(status -> status != 201).containsOnly(400);
        }
        assertThat(ordersOfBuyer()).as("one order per store, once").isEqualTo(2);
        market.assertStock(skuA, 10, 1);
        market.assertStock(skuB, 10, 2);
        assertThat(buyer.get("/api/v1/cart").json().size()).isZero();
    }

    @Test
    void theSameCheckoutKeyPlacesOnceAndAnswersWithTheFirstCheckout() {
        fillCart();
        Actor me = new Actor(market.idOf(buyer), Role.BUYER);
        Checkout.Placed first = checkout.place(me, ADDRESS, null, "page-key-1");
        Checkout.Placed again = checkout.place(me, ADDRESS, null, "page-key-1");

        assertThat(again.checkoutId()).isEqualTo(first.checkoutId());
        assertThat(again.orders()).extracting(OrderView::id)
                .containsExactlyElementsOf(first.orders().stream().map(OrderView::id).toList());
        assertThat(ordersOfBuyer()).isEqualTo(2);
        market.assertStock(skuA, 10, 1);

        Checkout.Placed other = checkout.place(me, ADDRESS, List.of(new Checkout.Item(skuA, 1)), "page-key-2");
        assertThat(other.checkoutId()).isNotEqualTo(first.checkoutId());
        assertThat(ordersOfBuyer()).isEqualTo(3);
    }

    @Test
    void keysBelongToTheirBuyer() {
        Api otherBuyer = market.buyer(100_000);
        Actor me = new Actor(market.idOf(buyer), Role.BUYER);
        Actor someoneElse = new Actor(market.idOf(otherBuyer), Role.BUYER);
        Checkout.Placed mine = checkout.place(me, ADDRESS, List.of(new Checkout.Item(skuA, 1)), "shared-key");
        Checkout.Placed theirs = checkout.place(someoneElse, ADDRESS, List.of(new Checkout.Item(skuA, 1)), "shared-key");
        assertThat(theirs.checkoutId()).isNotEqualTo(mine.checkoutId());
        assertThat(theirs.orders()).allSatisfy(order -> assertThat(order.buyerAccountId()).isEqualTo(someoneElse.accountId()));
    }
}
