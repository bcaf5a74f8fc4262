package io.mercato.instant.internal;

import io.mercato.instant.Deliveries;
import io.mercato.instant.DeliveryTask;
import io.mercato.instant.Dispatch;
import io.mercato.instant.LocalStore;
import io.mercato.instant.OperationsBoard;
import io.mercato.instant.Position;
import io.mercato.instant.Quote;
import io.mercato.instant.UnitEconomics;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.payment.DeliveryFees;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultDeliveries implements Deliveries {

    private static final SecureRandom CODES = new SecureRandom();

    private final DeliveryRows rows;
    private final DefaultLocalStores localStores;
    private final RiderRoster riders;
    private final OrderLifecycle orders;
    private final Stores stores;
    private final Dispatch dispatch;
    private final DeliveryFees fees;
    private final Clock clock;

    DefaultDeliveries(DeliveryRows rows, DefaultLocalStores localStores, RiderRoster riders, OrderLifecycle orders,
            Stores stores, Dispatch dispatch, DeliveryFees fees, Clock clock) {
        this.fees = fees;
        this.rows = rows;
        this.localStores = localStores;
        this.riders = riders;
        this.orders = orders;
        this.stores = stores;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DeliveryTask request(Actor buyer, long orderId, Position drop) {
        buyer.require(Role.BUYER);
        OrderView order = orders.order(buyer, orderId);
        if (order.buyerAccountId() != buyer.accountId()) {
            throw new ForbiddenException(Text.of("instant.order.notYours", orderId));
        }
        if (order.status() != OrderStatus.PAID) {
            throw new ConflictException(Text.of("instant.order.notPaid", orderId, order.status()));
        }
        LocalStore store = localStores.find(order.storeId())
                .orElseThrow(() -> new ConflictException(Text.of("instant.store.notLocal", order.storeId())));
        Instant now = clock.instant();
        Quote quote = DefaultLocalStores.quote(store, drop, riders.onlineWithPosition(), now);
        if (!quote.inZone()) {
            throw new InvalidInputException("drop", Text.of("instant.zone.outside", store.name()));
        }
        if (!quote.open()) {
            throw new ConflictException(Text.of("instant.store.closed", store.name(), store.opens(), store.closes()));
        }
        if (rows.byOrder(orderId).isPresent()) {
            throw new ConflictException(Text.of("instant.delivery.exists", orderId));
        }
        String code = String.format("%04d", CODES.nextInt(10_000));
        DeliveryRows.Row row = rows.insert(new DeliveryRows.NewDelivery(orderId, buyer.accountId(), store.storeId(),
                        store.location(), drop, now.plus(Duration.ofMinutes(store.prepMinutes())),
                        now.plus(quote.etaMinutes(), ChronoUnit.MINUTES), quote.etaMinutes(), code,
                        store.deliveryFee().currencyCode(), store.deliveryFee().minor(),
                        order.total().basisPoints(store.commissionBasisPoints()).minor(), store.riderPay().minor(),
                        store.subsidy().minor()), now)
                .orElseThrow(() -> new ConflictException(Text.of("instant.delivery.exists", orderId)));
        // The fee is held in the same transaction: a wallet too small refuses the delivery and writes nothing.
        fees.hold(row.id(), orderId, buyer.accountId(), store.deliveryFee(), store.subsidy());
        dispatch.replanSoon();
        return Views.task(row, store.name(), now, true);
    }

    @Override
    public DeliveryTask forOrder(Actor actor, long orderId) {
        OrderView order = orders.order(actor, orderId);
        DeliveryRows.Row row = rows.byOrder(orderId)
                .orElseThrow(() -> new NotFoundException(Text.of("instant.delivery.none", orderId)));
        boolean buyer = actor.is(Role.BUYER) && order.buyerAccountId() == actor.accountId();
        return Views.task(row, stores.get(row.storeId()).name(), clock.instant(), buyer);
    }

    @Override
    public OperationsBoard board(Actor operator) {
        operator.require(Role.OPERATOR);
        Instant now = clock.instant();
        Map<Long, String> names = new HashMap<>();
        List<DeliveryTask> open = rows.open().stream()
                .map(r -> Views.task(r, names.computeIfAbsent(r.storeId(), id -> stores.get(id).name()), now, false))
                .toList();
        long[] today = rows.deliveredSince(now.minus(Duration.ofDays(1)));
        return new OperationsBoard(riders.all(), localStores.all(), open, rows.rounds(10), today[0], today[1]);
    }

    @Override
    public List<UnitEconomics> economics(Actor operator, int limit) {
        operator.require(Role.OPERATOR);
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", Text.of("instant.limit", limit));
        }
        Instant now = clock.instant();
        List<DeliveryRows.Row> latest = rows.latest(limit);
        Map<Long, DeliveryFees.DeliveryBooks> books = fees.books(latest.stream().map(DeliveryRows.Row::id).toList());
        return latest.stream().map(r -> Views.economics(r, books.get(r.id()), now)).toList();
    }
}
