package io.mercato.flashsale.internal;

import io.mercato.ordering.Checkout;
import io.mercato.ordering.OrderEvents.OrderCancelled;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Role;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns won claims into orders awaiting payment, through ordering's {@link Checkout} with the request key
 * {@code flash-claim:<id>} (so a claim never gets two orders), up to 100 claims per transaction with a savepoint
 * each: the SKU's stock row is locked once per group. A claim whose order cannot be placed fails and gives its units
 * back. Runs when an admission group commits winners, and every {@code orderSweep} on every instance for claims a
 * crash left behind (picked with {@code SKIP LOCKED}, so instances share them). Also gives back the units of
 * claims whose order was cancelled (not paid in time, or by the buyer).
 */
@Component
class ClaimOrders {

    static final String KEY_PREFIX = "flash-claim:";
    private static final Logger log = LoggerFactory.getLogger(ClaimOrders.class);
    private static final int GROUP = 100;
    static final java.time.Duration MOST_DEFERRAL = java.time.Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Checkout checkout;
    private final Sales sales;
    private final TransactionTemplate group;
    private final TransactionTemplate savepoint;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("flashsale-orders").daemon().factory());
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile LongConsumer unitsBack = saleId -> { };
    private volatile java.util.function.BooleanSupplier admitting = () -> false;

    ClaimOrders(JdbcClient jdbc, Checkout checkout, Sales sales, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.checkout = checkout;
        this.sales = sales;
        this.group = new TransactionTemplate(transactions);
        this.group.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * While admission is deciding groups (the rush before a sale sells out), orders wait for it, up to
     * {@link #MOST_DEFERRAL}: the claims are already the buyers', and the rush gets the machine.
     */
    void deferWhile(java.util.function.BooleanSupplier busy) {
        this.admitting = busy;
    }

    /** Who to tell when units go back on sale (admission answers "sold out" from memory until then). */
    void onUnitsBack(LongConsumer listener) {
        this.unitsBack = listener;
    }

    /** Places the waiting orders soon, on the worker thread. */
    void kick() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            worker.execute(() -> {
                try {
                    long until = System.nanoTime() + MOST_DEFERRAL.toNanos();
                    while (admitting.getAsBoolean() && System.nanoTime() < until) {
                        Thread.sleep(20);
                    }
                    while (again.getAndSet(false)) {
                        placeAll();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.warn("Placing flash-sale orders failed; the sweep will try again", e);
                } finally {
                    running.set(false);
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "${mercato.flashsale.order-sweep:5s}", initialDelayString = "${mercato.flashsale.order-sweep:5s}")
    void sweep() {
        kick();
    }

    /** Places orders for every waiting claim; returns how many were placed. */
    int placeAll() {
        int placed = 0;
        while (true) {
            int[] counts = group.execute(status -> placeGroup());
            placed += counts[0];
            if (counts[1] < GROUP) {
                return placed;
            }
        }
    }

    private record Waiting(long claimId, long saleId, long buyerId, long skuId, long quantity, String address) {
    }

    /** @return orders placed, claims looked at */
    private int[] placeGroup() {
        List<Waiting> waiting = jdbc.sql("""
                SELECT c.id, c.sale_id, c.buyer_id, s.sku_id, c.quantity, c.address::text
                FROM flashsale.claims c JOIN flashsale.sales s ON s.id = c.sale_id
                WHERE c.status = 'WON' ORDER BY c.id LIMIT ? FOR UPDATE OF c SKIP LOCKED""")
                .param(GROUP)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getString(6))).list();
        int placed = 0;
        for (Waiting claim : waiting) {
            try {
                long orderId = savepoint.execute(status -> checkout.place(new Actor(claim.buyerId(), Role.BUYER),
                        Admission.address(claim.address()), List.of(new Checkout.Item(claim.skuId(), claim.quantity())),
                        KEY_PREFIX + claim.claimId()).orders().getFirst().id());
                jdbc.sql("UPDATE flashsale.claims SET status = 'ORDERED', order_id = ? WHERE id = ?")
                        .params(orderId, claim.claimId()).update();
                placed++;
            } catch (DomainException refused) {
                log.info("Flash sale {}: claim {} could not become an order ({}); its units go back on sale",
                        claim.saleId(), claim.claimId(), refused.text() == null ? refused.getMessage() : refused.text());
                jdbc.sql("UPDATE flashsale.claims SET status = 'FAILED', reason = ? WHERE id = ?")
                        .params(refused.text() == null ? "refused" : refused.text().key(), claim.claimId()).update();
                sales.giveBack(claim.saleId(), claim.buyerId(), claim.quantity());
                unitsBack.accept(claim.saleId());
            }
        }
        return new int[] {placed, waiting.size()};
    }

    /** An order of a claim was cancelled (not paid in time, or by its buyer): its units go back on sale. Idempotent. */
    @ApplicationModuleListener
    void on(OrderCancelled event) {
        jdbc.sql("""
                UPDATE flashsale.claims SET status = 'RETURNED' WHERE order_id = ? AND status = 'ORDERED'
                RETURNING sale_id, buyer_id, quantity""")
                .param(event.orderId())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list()
                .forEach(claim -> {
                    sales.giveBack(claim[0], claim[1], claim[2]);
                    unitsBack.accept(claim[0]);
                });
    }
}
