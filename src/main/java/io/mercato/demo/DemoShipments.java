package io.mercato.demo;

import io.mercato.fulfillment.CarrierSimulator;
import io.mercato.fulfillment.EventKind;
import io.mercato.fulfillment.ParcelKind;
import io.mercato.fulfillment.Shipments;
import io.mercato.fulfillment.Shipments.PackedLine;
import io.mercato.fulfillment.Shipments.Parcel;
import io.mercato.fulfillment.TrackingIntake;
import io.mercato.fulfillment.TrackingSignature;
import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the demo trades: the sellers pack the demo buyer's orders still waiting to ship into parcels, and the
 * carriers post their first tracking events (signed, through the same intake as the webhook), so the buyer's and
 * sellers' order pages show timelines; the Global store's parcel reaches the hub and is consolidated. Runs once, on
 * the start that seeded the carriers (their secrets are not kept anywhere else).
 */
@Component
@Order(120)
@ConditionalOnProperty(name = "mercato.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoShipments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoShipments.class);

    private final Accounts accounts;
    private final OrderLifecycle lifecycle;
    private final Shipments shipments;
    private final TrackingIntake intake;
    private final DemoLogistics logistics;
    private final io.mercato.fulfillment.Logistics network;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoShipments(Accounts accounts, OrderLifecycle lifecycle, Shipments shipments, TrackingIntake intake,
            DemoLogistics logistics, io.mercato.fulfillment.Logistics network, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.shipments = shipments;
        this.intake = intake;
        this.logistics = logistics;
        this.network = network;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Account> buyerAccount = accounts.findByEmail("buyer@mercato.demo");
        Optional<Account> operatorAccount = accounts.operators().stream().findFirst();
        if (buyerAccount.isEmpty() || operatorAccount.isEmpty() || logistics.secret("SF") == null) {
            return;
        }
        Actor buyer = new Actor(buyerAccount.get().id(), Role.BUYER);
        Actor operator = new Actor(operatorAccount.get().id(), Role.OPERATOR);
        List<OrderView> waiting = lifecycle.orders(buyer, OrderStatus.PAID, null, null, 0, 20);
        Integer parcels = transactions.execute(status -> ship(buyer, operator, waiting));
        log.info("Demo shipments: {} parcels packed and tracked", parcels);
    }

    private int ship(Actor buyer, Actor operator, List<OrderView> orders) {
        int packed = 0;
        Instant now = clock.instant();
        for (OrderView order : orders) {
            if (!shipments.parcelsOf(buyer, order.id()).isEmpty()) {
                continue;
            }
            Actor seller = new Actor(order.sellerAccountId(), Role.SELLER);
            List<PackedLine> lines = order.lines().stream().map(line -> new PackedLine(line.id(), line.quantity())).toList();
            Parcel parcel;
            try {
                parcel = shipments.pack(seller, order.id(), lines);
            } catch (io.mercato.platform.DomainException e) {
                continue; // a store without a template keeps the typed carrier and tracking number
            }
            packed++;
            post(parcel, EventKind.COLLECTED, now.minus(Duration.ofMinutes(50)), "Warehouse 仓库");
            post(parcel, EventKind.SORTING_CENTRE, now.minus(Duration.ofMinutes(20)), "Sorting centre 分拣中心");
            if (parcel.kind() == ParcelKind.INBOUND && parcel.hubId() != null) {
                post(parcel, EventKind.DELIVERED, now.minus(Duration.ofMinutes(5)), "Choice hub Shenzhen 深圳集运仓");
                long global = network.services().stream().filter(s -> s.code().equals("G5")).findFirst().orElseThrow().id();
                Parcel international = shipments.consolidate(operator, parcel.hubId(), buyer.accountId(), global);
                post(international, EventKind.LINE_HAUL, now.minus(Duration.ofMinutes(1)), "Shenzhen 深圳");
            }
        }
        return packed;
    }

    private void post(Parcel parcel, EventKind kind, Instant at, String location) {
        String secret = logistics.secret(parcel.carrierCode());
        if (secret == null) {
            return;
        }
        byte[] body = CarrierSimulator.body("demo-" + parcel.id() + "-" + kind, parcel.trackingNumber(), kind, at, location)
                .getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        intake.accept(parcel.carrierCode(), Long.toString(timestamp), TrackingSignature.sign(secret, timestamp, body), body);
    }
}
