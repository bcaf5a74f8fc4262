package io.mercato.ordering.internal;

import io.mercato.ordering.OrderFees;

import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderSearch;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.Refund;
import io.mercato.ordering.internal.Orders.OrderFilter;
import io.mercato.platform.Actor;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle's use cases, each the same few steps: lock and load the order, let the {@link Order} make the
 * move (it checks who may and whether the move is legal), save it, move money and stock, publish what it
 * raised, and answer with the order as the transaction left it.
 */
@Service
class DefaultOrderLifecycle implements OrderLifecycle {

    private final Orders orders;
    private final OrderMoves moves;
    private final OrderFees fees;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DefaultOrderLifecycle(Orders orders, OrderMoves moves, OrderFees fees, Clock clock, ApplicationEventPublisher events) {
        this.orders = orders;
        this.moves = moves;
        this.fees = fees;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public OrderView order(Actor actor, long orderId) {
        OrderView order = orders.get(orderId);
        Order.requireParty(actor, order);
        return order;
    }

    @Override
    public List<OrderView> orders(Actor actor, @Nullable OrderStatus status, @Nullable Long storeId, @Nullable Long buyerId,
            int page, int size) {
        if (page < 0 || page > 100_000) {
            throw new InvalidInputException("page", Text.of("ordering.pageMustBetweenGot", page));
        }
        if (size < 1 || size > 100) {
            throw new InvalidInputException("size", Text.of("ordering.pageSizeMustBetweenGot", size));
        }
        return orders.find(visibleTo(actor, status, storeId, buyerId), page, size);
    }

    @Override
    public OrderSearch.Found search(Actor actor, OrderSearch search, int page, int size) {
        if (page < 0 || page > 100_000) {
            throw new InvalidInputException("page", Text.of("ordering.pageMustBetweenGot", page));
        }
        if (size < 1 || size > 100) {
            throw new InvalidInputException("size", Text.of("ordering.pageSizeMustBetweenGot", size));
        }
        OrderFilter visible = visibleTo(actor, search.status(), search.storeId(), search.buyerId());
        OrderFilter filter = new OrderFilter(visible.buyerId() != null ? visible.buyerId() : search.buyerId(),
                visible.sellerId(), visible.storeId(), visible.status(), search);
        if (actor.role() == io.mercato.platform.Role.BUYER && search.buyerId() != null
                && search.buyerId() != actor.accountId()) {
            return new OrderSearch.Found(List.of(), page, size, 0);
        }
        return new OrderSearch.Found(orders.find(filter, page, size), page, size, orders.count(filter));
    }

    @Override
    public long count(Actor actor, @Nullable OrderStatus status) {
        return orders.count(visibleTo(actor, status, null, null));
    }

    /** The buyer's own orders, a seller's, or (for operators) anyone's, narrowed as asked. */
    private static OrderFilter visibleTo(Actor actor, @Nullable OrderStatus status, @Nullable Long storeId,
            @Nullable Long buyerId) {
        return switch (actor.role()) {
            case BUYER -> new OrderFilter(actor.accountId(), null, storeId, status);
            case SELLER -> new OrderFilter(null, actor.accountId(), storeId, status);
            case OPERATOR -> new OrderFilter(buyerId, null, storeId, status);
            case SYSTEM -> throw new ForbiddenException(Text.of("ordering.systemListsNoOrdersActs"));
        };
    }

    @Override
    @Transactional
    public OrderView pay(Actor buyer, long orderId) {
        Order order = orders.lock(orderId);
        order.pay(buyer, Order.now(clock));
        orders.save(order);
        moves.paid(order);
        return publish(order);
    }

    @Override
    @Transactional
    public OrderView cancel(Actor buyer, long orderId, @Nullable String reason) {
        Order order = orders.lock(orderId);
        Optional<Refund> refund = order.cancel(buyer, reason, Order.now(clock), orders::nextRefundId);
        orders.save(order);
        refund.ifPresentOrElse(paidBack -> moves.refunded(order, paidBack), () -> moves.cancelled(order));
        return publish(order);
    }

    @Override
    @Transactional
    public OrderView ship(Actor seller, long orderId, String carrier, String trackingNumber) {
        Order order = orders.lock(orderId);
        order.ship(seller, carrier, trackingNumber, Order.now(clock));
        orders.save(order);
        return publish(order);
    }

    @Override
    @Transactional
    public OrderView markDelivered(Actor actor, long orderId) {
        Order order = orders.lock(orderId);
        order.markDelivered(actor, Order.now(clock));
        orders.save(order);
        return publish(order);
    }

    @Override
    @Transactional
    public OrderView confirmReceipt(Actor buyer, long orderId) {
        Order order = orders.lock(orderId);
        order.confirmReceipt(buyer, Order.now(clock), fees);
        orders.save(order);
        moves.completed(order);
        return publish(order);
    }

    private OrderView publish(Order order) {
        order.releaseEvents().forEach(events::publishEvent);
        return order.view();
    }
}
