package io.mercato.ordering;

import static io.mercato.ordering.OrderingFixture.placedOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.inventory.Stock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Many buyers at once: the last units sell exactly once, and an order is paid exactly once. */
@MercatoTest
class StockConcurrencyIT {

    private static final int BUYERS = 40;
    private static final int LAST_UNITS = 7;

    @RegisterExtension
    final OrderingFixture market = new OrderingFixture();

    Seller seller;

    @BeforeEach
    void setUp() {
        seller = market.seller("TAOBAO");
    }

    /** Runs the task for every input at once, released together by one latch, and returns the results in order. */
    private static <T, R> List<R> race(List<T> inputs, Function<T, R> task) throws Exception {
        CountDownLatch ready = new CountDownLatch(inputs.size());
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.apply(input);
                }));
            }
            ready.await();
            go.countDown();
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @Test
    void racingBuyersSellTheLastUnitsExactlyOnce() throws Exception {
        long skuId = market.sku(seller, 1_000, 100);
        // Sell down to the last units through ordinary orders, so the race is for what is left.
        Api early = market.buyer(100_000);
        market.paidOrder(early, skuId, 100 - LAST_UNITS);
        market.assertStock(skuId, LAST_UNITS, 0);

        List<Api> buyers = race(java.util.Collections.nCopies(BUYERS, 5_000L), market::buyer);
        List<Api.Response> checkouts = race(buyers, buyer -> market.checkout(buyer, skuId, 1));

        List<Api> winners = new ArrayList<>();
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            Api.Response response = checkouts.get(i);
            if (response.status() == 201) {
                winners.add(buyers.get(i));
                orders.add(response.json().get("orders").get(0).get("id").asLong());
            } else {
                assertThat(response.status()).as("a losing checkout: %s", response).isEqualTo(409);
                assertThat(response.json().get("detail").asString()).as("names the SKU").contains("SKU " + skuId);
            }
        }
        assertThat(winners).as("exactly the last units are sold").hasSize(LAST_UNITS);
        Stock afterCheckout = market.stock(skuId);
        assertThat(afterCheckout.onHand()).isEqualTo(LAST_UNITS);
        assertThat(afterCheckout.reserved()).isEqualTo(LAST_UNITS);
        assertThat(afterCheckout.available()).isZero();
        assertThat(market.available(skuId)).isZero();

        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < winners.size(); i++) {
            index.add(i);
        }
        List<Api.Response> payments = race(index,
                i -> winners.get(i).create("/api/v1/orders/" + orders.get(i) + "/payment", null));
        for (Api.Response payment : payments) {
            assertThat(payment.status()).as("payment: %s", payment).isEqualTo(200);
            assertThat(payment.json().get("status").asString()).isEqualTo("PAID");
        }
        market.assertStock(skuId, 0, 0);
        for (Api winner : winners) {
            assertThat(market.walletBalance(winner)).isEqualTo(4_000);
        }
        for (int i = 0; i < BUYERS; i++) {
            if (!winners.contains(buyers.get(i))) {
                assertThat(market.walletBalance(buyers.get(i))).isEqualTo(5_000);
            }
        }
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isEqualTo(100 * 1_000);
    }

    @Test
    void concurrentPaymentsOfOneOrderDebitTheWalletOnce() throws Exception {
        long skuId = market.sku(seller, 2_500, 10);
        Api buyer = market.buyer(10_000);
        long orderId = placedOrderId(market.checkout(buyer, skuId, 2));

        List<Api.Response> payments = race(java.util.Collections.nCopies(8, orderId),
                id -> buyer.create("/api/v1/orders/" + id + "/payment", null));
        assertThat(payments).filteredOn(response -> response.status() == 200).as("one payment goes through").hasSize(1);
        assertThat(payments).filteredOn(response -> response.status() != 200)
                .allSatisfy(response -> assertThat(response.status()).as("%s", response).isEqualTo(409));

        assertThat(market.walletBalance(buyer)).isEqualTo(10_000 - 5_000);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isEqualTo(5_000);
        List<JsonNode> postings = market.balancedPostings(buyer, orderId);
        assertThat(postings).extracting(p -> p.get("kind").asString()).containsExactly("ORDER_PAYMENT");
        assertThat(market.order(buyer, orderId).get("history")).as("placed and paid, nothing more").hasSize(2);
        market.assertStock(skuId, 8, 0);
    }
}
