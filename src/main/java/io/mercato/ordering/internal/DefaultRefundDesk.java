package io.mercato.ordering.internal;

import io.mercato.ordering.OrderView;
import io.mercato.ordering.Refund.RefundStatus;
import io.mercato.ordering.Refund;
import io.mercato.ordering.RefundDesk;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Refunds and returns as use cases: lock the order, let it decide, save, move money and stock, publish. */
@Service
class DefaultRefundDesk implements RefundDesk {

    private final Orders orders;
    private final OrderMoves moves;
    private final RefundPolicy policy;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DefaultRefundDesk(Orders orders, OrderMoves moves, RefundPolicy policy, Clock clock, ApplicationEventPublisher events) {
        this.orders = orders;
        this.moves = moves;
        this.policy = policy;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public Refund request(Actor buyer, long orderId, @Nullable List<RefundItem> items, String reason) {
        Order order = orders.lock(orderId);
        Refund refund = order.requestRefund(buyer, items, reason, Order.now(clock), policy, orders::nextRefundId);
        orders.save(order);
        if (refund.status() == RefundStatus.APPROVED) {
            moves.refunded(order, refund);
        }
        publish(order);
        return refund;
    }

    @Override
    @Transactional
    public Refund approve(Actor actor, long refundId, @Nullable String note) {
        Order order = orders.lockOrderOfRefund(refundId);
        Refund refund = order.approveReturn(actor, refundId, note, Order.now(clock));
        orders.save(order);
        moves.refunded(order, refund);
        publish(order);
        return refund;
    }

    @Override
    @Transactional
    public Refund refundAfterDispute(Actor operator, long rejectedRefundId, @Nullable List<RefundItem> items,
            String note) {
        Order order = orders.lockOrderOfRefund(rejectedRefundId);
        Refund refund = order.refundAfterDispute(operator, rejectedRefundId, items, note, Order.now(clock),
                orders::nextRefundId);
        orders.save(order);
        moves.refunded(order, refund);
        publish(order);
        return refund;
    }

    @Override
    @Transactional
    public Refund reject(Actor actor, long refundId, String note) {
        Order order = orders.lockOrderOfRefund(refundId);
        Refund refund = order.rejectReturn(actor, refundId, note, Order.now(clock));
        orders.save(order);
        publish(order);
        return refund;
    }

    @Override
    public List<Awaiting> awaitingDecision(Actor actor, int limit) {
        actor.require(Role.SELLER, Role.OPERATOR);
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", Text.of("ordering.askReturnsGot", limit));
        }
        List<OrderView> withReturns = orders.load(orders.withReturnsToDecide(
                actor.is(Role.SELLER) ? actor.accountId() : null, limit));
        return withReturns.stream()
                .flatMap(order -> order.refunds().stream().filter(refund -> refund.status() == RefundStatus.REQUESTED)
                        .map(refund -> new Awaiting(order, refund)))
                .sorted(Comparator.comparing((Awaiting awaiting) -> awaiting.refund().requestedAt())
                        .thenComparingLong(awaiting -> awaiting.refund().id()))
                .limit(limit).toList();
    }

    @Override
    public long countAwaitingDecision(Actor actor) {
        actor.require(Role.SELLER, Role.OPERATOR);
        return orders.countReturnsToDecide(actor.is(Role.SELLER) ? actor.accountId() : null);
    }

    private void publish(Order order) {
        order.releaseEvents().forEach(events::publishEvent);
    }
}
