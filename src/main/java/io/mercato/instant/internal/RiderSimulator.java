package io.mercato.instant.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.instant.DeliveryStatus;
import io.mercato.instant.DeliveryTask;
import io.mercato.instant.Deliveries;
import io.mercato.instant.LocalStore;
import io.mercato.instant.LocalStores;
import io.mercato.instant.Position;
import io.mercato.instant.Rider;
import io.mercato.instant.Riders;
import io.mercato.ordering.Address;
import io.mercato.ordering.Checkout;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rider simulator, for the demo: every second it moves each online rider along its route through the same API
 * a rider's phone uses (accept what is offered, ride to the store, pick up, ride to the buyer, deliver with the
 * buyer's code), at {@code speed-up} times riding speed; and every {@code order-every} the neighbour account
 * (see the demo) buys something from a random local store and sends for a rider to a random place in its zone. So
 * the operations console's map, the dispatch and the ETAs move by themselves.
 *
 * <p>On with {@code mercato.instant.simulator.enabled=true} (the demo's default) unless the timers are off (tests); {@link #step(Duration)} moves
 * everyone once, so tests drive it without waiting.
 */
@Component
@ConditionalOnExpression("${mercato.instant.simulator.enabled:false} and ${mercato.ordering.timers-enabled:true}")
class RiderSimulator {

    private static final Logger log = LoggerFactory.getLogger(RiderSimulator.class);
    private static final Address ADDRESS = new Address("Lin Xiao", "13900139000", "8 Yan'an Road", null, "Hangzhou", null,
            null, "CN");

    private final Riders riders;
    private final LocalStores stores;
    private final Deliveries deliveries;
    private final DeliveryRows rows;
    private final Checkout checkout;
    private final Catalog catalog;
    private final Accounts accounts;
    private final Clock clock;
    private final double speedUp;
    private final Duration orderEvery;
    private final String buyerEmail;
    private final Random random = new Random();
    private Instant lastOrder = Instant.EPOCH;
    private Instant lastTick = Instant.EPOCH;

    RiderSimulator(Riders riders, LocalStores stores, Deliveries deliveries, DeliveryRows rows, Checkout checkout,
            Catalog catalog, Accounts accounts, Clock clock,
            @Value("${mercato.instant.simulator.speed-up:6}") double speedUp,
            @Value("${mercato.instant.simulator.order-every:20s}") Duration orderEvery,
            @Value("${mercato.instant.simulator.buyer:neighbour@mercato.demo}") String buyerEmail) {
        this.riders = riders;
        this.stores = stores;
        this.deliveries = deliveries;
        this.rows = rows;
        this.checkout = checkout;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clock = clock;
        this.speedUp = speedUp;
        this.orderEvery = orderEvery;
        this.buyerEmail = buyerEmail;
    }

    @Scheduled(fixedDelayString = "1s", initialDelayString = "30s")
    void tick() {
        Instant now = clock.instant();
        Duration elapsed = lastTick.equals(Instant.EPOCH) ? Duration.ofSeconds(1) : Duration.between(lastTick, now);
        lastTick = now;
        try {
            if (!now.isBefore(lastOrder.plus(orderEvery))) {
                lastOrder = now;
                placeOrder();
            }
            step(elapsed);
        } catch (RuntimeException e) {
            log.warn("Rider simulator step failed: {}", e.toString());
        }
    }

    /** Moves every online rider for {@code elapsed} of (sped-up) riding, acting at stores and doors. */
    void step(Duration elapsed) {
        double metres = Travel.KMH * 1000 / 3600 * speedUp * Math.min(elapsed.toMillis(), 5_000) / 1000.0;
        for (Rider rider : riders.all(operator())) {
            if (!rider.online() || rider.position() == null) {
                continue;
            }
            Actor actor = new Actor(rider.accountId(), Role.BUYER);
            try {
                move(actor, rider.position(), metres);
            } catch (DomainException e) {
                log.debug("Simulated rider {} was refused: {}", rider.id(), e.toString());
            }
        }
    }

    private void move(Actor actor, Position at, double metres) {
        for (DeliveryTask task : riders.tasks(actor)) {
            if (task.status() == DeliveryStatus.ASSIGNED) {
                riders.accept(actor, task.id());
            }
        }
        List<DeliveryTask> tasks = riders.tasks(actor);
        // Collect everything accepted first (the dispatch batches pickups), then drop in route order.
        Optional<DeliveryTask> next = tasks.stream().filter(t -> t.status() == DeliveryStatus.ACCEPTED).findFirst()
                .or(() -> tasks.stream().filter(t -> t.status() == DeliveryStatus.PICKED_UP).findFirst());
        if (next.isEmpty()) {
            return;
        }
        DeliveryTask task = next.get();
        boolean toStore = task.status() == DeliveryStatus.ACCEPTED;
        Position target = toStore ? task.pickup() : task.drop();
        double remaining = at.metresTo(target);
        Position now = remaining <= metres ? target : toward(at, target, metres / remaining);
        riders.report(actor, now);
        if (now.metresTo(target) < 50) {
            if (toStore) {
                if (!clock.instant().isBefore(task.readyAt().minus(Duration.ofMinutes(5)))) {
                    riders.pickUp(actor, task.id());
                }
            } else {
                // The buyer tells the rider the code at the door.
                rows.find(task.id()).ifPresent(row -> riders.deliver(actor, task.id(), row.proofCode()));
            }
        }
    }

    private static Position toward(Position from, Position to, double share) {
        return new Position(from.lat() + (to.lat() - from.lat()) * share, from.lng() + (to.lng() - from.lng()) * share);
    }

    /** The neighbour buys one unit of something from a random local store and sends for a rider. */
    void placeOrder() {
        Optional<Account> buyer = accounts.findByEmail(buyerEmail);
        List<LocalStore> local = stores.all();
        if (buyer.isEmpty() || local.isEmpty()) {
            return;
        }
        LocalStore store = local.get(random.nextInt(local.size()));
        List<Product> products = catalog.browse(null, store.storeId(), 0, 20).items();
        if (products.isEmpty() || products.getFirst().skus().isEmpty()) {
            return;
        }
        Product product = products.get(random.nextInt(products.size()));
        if (product.skus().isEmpty()) {
            return;
        }
        Actor actor = new Actor(buyer.get().id(), Role.BUYER);
        try {
            Checkout.Placed placed = checkout.place(actor, ADDRESS,
                    List.of(new Checkout.Item(product.skus().getFirst().id(), 1)));
            for (OrderView order : checkout.pay(actor, placed.checkoutId())) {
                deliveries.request(actor, order.id(), somewhereIn(store));
            }
        } catch (DomainException e) {
            log.debug("Simulated order refused: {}", e.toString());
        }
    }

    private Position somewhereIn(LocalStore store) {
        for (int attempt = 0; attempt < 50; attempt++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            double radius = Math.sqrt(random.nextDouble()) * 0.03;
            Position p = new Position(store.location().lat() + radius * Math.sin(angle),
                    store.location().lng() + radius * Math.cos(angle) * 1.15);
            if (store.delivers(p)) {
                return p;
            }
        }
        return store.location();
    }

    private Actor operator() {
        return accounts.operators().stream().findFirst().map(a -> new Actor(a.id(), Role.OPERATOR))
                .orElseThrow(() -> new IllegalStateException("The simulator lists riders as an operator; none is configured"));
    }
}
