package io.mercato.instant.internal;

import io.mercato.instant.DeliveryStatus;
import io.mercato.instant.DeliveryTask;
import io.mercato.instant.Dispatch;
import io.mercato.instant.Position;
import io.mercato.instant.Rider;
import io.mercato.instant.Riders;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.payment.DeliveryFees;
import io.mercato.platform.Money;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rider's side. Each task action locks the rider's row, then the task's, so one rider's actions run one at a
 * time and two riders racing for one task are decided by the task's row lock.
 */
@Service
class DefaultRiders implements Riders {

    /** The carrier name the order shows once a rider has it. */
    static final String CARRIER = "Mercato Instant";

    /** A rider who moved this far since the last report makes the next dispatch tick re-plan. */
    private static final double REPLAN_AFTER_METRES = 300;

    private final RiderRoster roster;
    private final DeliveryRows rows;
    private final Stores stores;
    private final OrderLifecycle orders;
    private final Dispatch dispatch;
    private final DeliveryFees fees;
    private final Clock clock;

    DefaultRiders(RiderRoster roster, DeliveryRows rows, Stores stores, OrderLifecycle orders, Dispatch dispatch,
            DeliveryFees fees, Clock clock) {
        this.fees = fees;
        this.roster = roster;
        this.rows = rows;
        this.stores = stores;
        this.orders = orders;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Rider enrol(Actor operator, long accountId, String name, int capacity) {
        operator.require(Role.OPERATOR);
        if (accountId <= 0) {
            throw new InvalidInputException("accountId", Text.of("instant.rider.account", accountId));
        }
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 60) {
            throw new InvalidInputException("name", Text.of("instant.rider.name"));
        }
        if (capacity < 1 || capacity > 10) {
            throw new InvalidInputException("capacity", Text.of("instant.rider.capacity", capacity));
        }
        return roster.insert(accountId, trimmed, capacity, clock.instant())
                .orElseThrow(() -> new ConflictException(Text.of("instant.rider.exists", accountId)));
    }

    @Override
    public Rider me(Actor actor) {
        return roster.byAccount(actor.accountId())
                .orElseThrow(() -> new ForbiddenException(Text.of("instant.rider.notRider")));
    }

    @Override
    public List<Rider> all(Actor operator) {
        operator.require(Role.OPERATOR);
        return roster.all();
    }

    private Rider lockMe(Actor actor) {
        if (actor.isSystem()) {
            throw new ForbiddenException(Text.of("instant.rider.notRider"));
        }
        return roster.lockByAccount(actor.accountId())
                .orElseThrow(() -> new ForbiddenException(Text.of("instant.rider.notRider")));
    }

    @Override
    @Transactional
    public Rider goOnline(Actor actor, boolean online) {
        Rider rider = lockMe(actor);
        if (!online && rows.heldBy(rider.id()) > 0) {
            throw new ConflictException(Text.of("instant.rider.stillHolding"));
        }
        roster.setOnline(rider.id(), online);
        dispatch.replanSoon();
        return roster.byAccount(actor.accountId()).orElseThrow();
    }

    @Override
    @Transactional
    public Rider report(Actor actor, Position position) {
        Rider rider = lockMe(actor);
        Instant now = clock.instant();
        if (rider.position() != null && rider.seenAt() != null) {
            double seconds = Math.max(0, Duration.between(rider.seenAt(), now).toMillis() / 1000.0);
            double metres = rider.position().metresTo(position);
            if (metres > Travel.JUMP_SLACK_METRES + seconds * Travel.MAX_METRES_PER_SECOND) {
                throw new InvalidInputException("position", Text.of("instant.position.jump", Math.round(metres),
                        Math.round(seconds)));
            }
        }
        roster.setPosition(rider.id(), position, now);
        if (rider.online() && (rider.position() == null || rider.position().metresTo(position) > REPLAN_AFTER_METRES)) {
            dispatch.replanSoon();
        }
        return roster.byAccount(actor.accountId()).orElseThrow();
    }

    @Override
    public List<DeliveryTask> tasks(Actor actor) {
        Rider rider = me(actor);
        Instant now = clock.instant();
        return rows.ofRider(rider.id()).stream().map(r -> Views.task(r, stores.get(r.storeId()).name(), now, false)).toList();
    }

    /** Locks the task and checks that the rider may act on it; pending tasks are anyone's to claim. */
    private DeliveryRows.Row lockTask(Rider rider, long taskId) {
        DeliveryRows.Row row = rows.lock(taskId).orElseThrow(() -> new NotFoundException(Text.of("instant.task.none", taskId)));
        if (row.riderId() != null && row.riderId() != rider.id()) {
            throw new ForbiddenException(Text.of("instant.task.notYours", taskId));
        }
        return row;
    }

    @Override
    @Transactional
    public DeliveryTask accept(Actor actor, long taskId) {
        Rider rider = lockMe(actor);
        DeliveryRows.Row row = lockTask(rider, taskId);
        if (row.status() != DeliveryStatus.PENDING && row.status() != DeliveryStatus.ASSIGNED) {
            throw new ConflictException(Text.of("instant.task.alreadyAccepted", taskId));
        }
        if (!rider.online()) {
            throw new ConflictException(Text.of("instant.rider.offline"));
        }
        if (rows.heldBy(rider.id()) >= rider.capacity()) {
            throw new ConflictException(Text.of("instant.rider.full", rider.capacity()));
        }
        Instant now = clock.instant();
        rows.accept(taskId, rider.id(), now);
        dispatch.replanSoon();
        return view(rows.find(taskId).orElseThrow(), now);
    }

    @Override
    @Transactional
    public DeliveryTask decline(Actor actor, long taskId) {
        Rider rider = lockMe(actor);
        DeliveryRows.Row row = lockTask(rider, taskId);
        if (row.status() != DeliveryStatus.ASSIGNED || row.riderId() == null) {
            throw new ConflictException(Text.of("instant.task.notDeclinable", taskId, row.status()));
        }
        Instant now = clock.instant();
        rows.decline(taskId, rider.id(), now);
        dispatch.replanSoon();
        return view(rows.find(taskId).orElseThrow(), now);
    }

    @Override
    @Transactional
    public DeliveryTask pickUp(Actor actor, long taskId) {
        Rider rider = lockMe(actor);
        DeliveryRows.Row row = lockTask(rider, taskId);
        if (row.status() != DeliveryStatus.ACCEPTED || row.riderId() == null) {
            throw new ConflictException(Text.of("instant.task.notAccepted", taskId, row.status()));
        }
        Instant now = clock.instant();
        if (now.isBefore(row.readyAt().minus(Duration.ofMinutes(5)))) {
            throw new ConflictException(Text.of("instant.task.notReady", taskId));
        }
        requireAt(rider, row.pickup(), "instant.task.farFromStore");
        Store store = stores.get(row.storeId());
        // The store hands the goods to the rider: for the order, that is its shipment.
        orders.ship(new Actor(store.ownerAccountId(), Role.SELLER), row.orderId(), CARRIER, String.format("RIDER-%06d", row.id()));
        rows.pickUp(taskId, now);
        return view(rows.find(taskId).orElseThrow(), now);
    }

    @Override
    @Transactional
    public DeliveryTask deliver(Actor actor, long taskId, String proofCode) {
        Rider rider = lockMe(actor);
        DeliveryRows.Row row = lockTask(rider, taskId);
        if (row.status() != DeliveryStatus.PICKED_UP) {
            throw new ConflictException(Text.of("instant.task.notPickedUp", taskId, row.status()));
        }
        if (proofCode == null || !row.proofCode().equals(proofCode.strip())) {
            throw new InvalidInputException("proofCode", Text.of("instant.task.proof"));
        }
        requireAt(rider, row.drop(), "instant.task.farFromDrop");
        Instant now = clock.instant();
        rows.deliver(taskId, now);
        orders.markDelivered(Actor.SYSTEM, row.orderId());
        fees.payRider(taskId, row.orderId(), rider.accountId(), Money.of(row.riderPayMinor(), row.currency()));
        dispatch.replanSoon();
        return view(rows.find(taskId).orElseThrow(), now);
    }

    private static void requireAt(Rider rider, Position place, String key) {
        if (rider.position() == null || rider.position().metresTo(place) > Travel.AT_PLACE_METRES) {
            long metres = rider.position() == null ? -1 : Math.round(rider.position().metresTo(place));
            throw new ConflictException(Text.of(key, metres));
        }
    }

    private DeliveryTask view(DeliveryRows.Row row, Instant now) {
        return Views.task(row, stores.get(row.storeId()).name(), now, false);
    }
}
