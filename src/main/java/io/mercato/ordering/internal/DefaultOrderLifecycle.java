package io.mercato.ordering.internal;

import io.mercato.inventory.StockLedger;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.OrderEvents;
import io.mercato.ordering.OrderEvents.OrderCancelled;
import io.mercato.ordering.OrderEvents.OrderCompleted;
import io.mercato.ordering.OrderEvents.OrderDelivered;
import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.ordering.OrderEvents.OrderShipped;
import io.mercato.ordering.OrderEvents.RefundApproved;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.RefundDesk;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.Refund;
import io.mercato.ordering.Refund.RefundLine;
import io.mercato.ordering.Refund.RefundStatus;
import io.mercato.payment.Escrow;
import io.mercato.payment.Settlement;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class DefaultOrderLifecycle implements OrderLifecycle, RefundDesk {

    private static final Logger log = LoggerFactory.getLogger(DefaultOrderLifecycle.class);
    private static final int SWEEP_BATCH = 200;

    private final JdbcClient jdbc;
    private final Orders orders;
    private final StockLedger stock;
    private final Escrow escrow;
    private final OrderingProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    DefaultOrderLifecycle(JdbcClient jdbc, Orders orders, StockLedger stock, Escrow escrow,
            OrderingProperties properties, Clock clock, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.stock = stock;
        this.escrow = escrow;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public OrderView order(Actor actor, long orderId) {
        OrderView order = orders.get(orderId);
        requireParty(actor, order);
        return order;
    }

    @Override
    public List<OrderView> orders(Actor actor, @Nullable OrderStatus status, @Nullable Long storeId, @Nullable Long buyerId,
            int page, int size) {
        if (page < 0 || page > 100_000) {
            throw new InvalidInputException("page", "Page must be between 0 and 100000, got " + page);
        }
        if (size < 1 || size > 100) {
            throw new InvalidInputException("size", "Page size must be between 1 and 100, got " + size);
        }
        StringBuilder where = new StringBuilder("TRUE");
        Map<String, Object> params = new HashMap<>();
        switch (actor.role()) {
            case BUYER -> {
                where.append(" AND buyer_id = :self");
                params.put("self", actor.accountId());
            }
            case SELLER -> {
                where.append(" AND seller_id = :self");
                params.put("self", actor.accountId());
            }
            case OPERATOR -> {
                if (buyerId != null) {
                    where.append(" AND buyer_id = :buyer");
                    params.put("buyer", buyerId);
                }
            }
        }
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (storeId != null) {
            where.append(" AND store_id = :store");
            params.put("store", storeId);
        }
        List<Long> ids = jdbc.sql("SELECT id FROM ordering.orders WHERE " + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(Long.class).list();
        return orders.load(ids);
    }

    @Override
    @Transactional
    public OrderView pay(Actor buyer, long orderId) {
        OrderView order = orders.lock(orderId);
        requireBuyer(buyer, order);
        requireStatus(order, "pay", OrderStatus.AWAITING_PAYMENT);
        Instant now = clock.instant();
        if (!now.isBefore(order.payBy())) {
            throw new ConflictException("Order " + orderId + " was not paid by " + order.payBy()
                    + " and is being cancelled; place it again");
        }
        orders.transition(order, OrderStatus.PAID, buyer, now, "paid from wallet");
        OrderView paid = orders.get(orderId);
        // The money moves last: a store's escrow account is one row that every payment to that store updates,
        // so its lock is held only for the tail of the transaction. Ledger before stock, as refunds do.
        escrow.pay(orderId, order.buyerAccountId(), payee(order), money(order, order.totalMinor()));
        stock.commit(orderId);
        events.publishEvent(new OrderPaid(orderId, order.buyerAccountId(), order.storeId(), order.totalMinor(),
                order.currency(), order.lines().stream()
                        .map(line -> new OrderEvents.PaidLine(line.productId(), line.skuId(), line.quantity())).toList()));
        return paid;
    }

    @Override
    @Transactional
    public OrderView cancel(Actor buyer, long orderId, @Nullable String reason) {
        OrderView order = orders.lock(orderId);
        requireBuyer(buyer, order);
        String why = reason == null || reason.isBlank() ? "cancelled by buyer" : limit("reason", reason);
        switch (order.status()) {
            case AWAITING_PAYMENT -> {
                cancelUnpaid(order, buyer, why);
                return orders.get(orderId);
            }
            case PAID -> {
                refundNow(order, remainingLines(order), why, buyer);
                return orders.get(orderId);
            }
            default -> throw illegal(order, "cancel");
        }
    }

    private void cancelUnpaid(OrderView order, Actor actor, String why) {
        stock.release(order.id());
        orders.transition(order, OrderStatus.CANCELLED, actor, clock.instant(), why);
        events.publishEvent(new OrderCancelled(order.id(), why));
    }

    @Override
    @Transactional
    public OrderView ship(Actor seller, long orderId, String carrier, String trackingNumber) {
        OrderView order = orders.lock(orderId);
        requireSeller(seller, order);
        requireStatus(order, "ship", OrderStatus.PAID);
        if (carrier == null || carrier.isBlank() || carrier.length() > 50) {
            throw new InvalidInputException("carrier", "Carrier must be 1 to 50 characters");
        }
        if (trackingNumber == null || !trackingNumber.strip().matches("[A-Za-z0-9-]{6,40}")) {
            throw new InvalidInputException("trackingNumber",
                    "Tracking number '" + trackingNumber + "' must be 6 to 40 letters, digits or dashes");
        }
        jdbc.sql("UPDATE ordering.orders SET carrier = ?, tracking_number = ? WHERE id = ?")
                .params(carrier.strip(), trackingNumber.strip(), orderId).update();
        orders.transition(order, OrderStatus.SHIPPED, seller, clock.instant(), carrier.strip() + " " + trackingNumber.strip());
        events.publishEvent(new OrderShipped(orderId, carrier.strip(), trackingNumber.strip()));
        return orders.get(orderId);
    }

    @Override
    @Transactional
    public OrderView markDelivered(Actor actor, long orderId) {
        OrderView order = orders.lock(orderId);
        requireSeller(actor, order);
        requireStatus(order, "mark delivered", OrderStatus.SHIPPED);
        orders.transition(order, OrderStatus.DELIVERED, actor, clock.instant(), "carrier reported delivery");
        events.publishEvent(new OrderDelivered(orderId));
        return orders.get(orderId);
    }

    @Override
    @Transactional
    public OrderView confirmReceipt(Actor buyer, long orderId) {
        OrderView order = orders.lock(orderId);
        requireBuyer(buyer, order);
        requireStatus(order, "confirm receipt of", OrderStatus.SHIPPED, OrderStatus.DELIVERED);
        complete(order, buyer, "receipt confirmed by buyer");
        return orders.get(orderId);
    }

    private void complete(OrderView order, Actor actor, String note) {
        order.refunds().stream().filter(refund -> refund.status() == RefundStatus.REQUESTED).findFirst()
                .ifPresent(refund -> {
                    throw new ConflictException("Order " + order.id() + " has refund " + refund.id()
                            + " awaiting a decision; it completes once that is decided");
                });
        Money gross = money(order, order.totalMinor() - order.refundedMinor());
        boolean firstParty = FeePolicy.firstParty(order.storeKind());
        Money fee = firstParty ? Money.zero(gross.currency()) : FeePolicy.fee(order);
        escrow.settle(new Settlement(order.id(), payee(order), gross, fee, firstParty));
        jdbc.sql("UPDATE ordering.orders SET fee_minor = ? WHERE id = ?").params(fee.minor(), order.id()).update();
        orders.transition(order, OrderStatus.COMPLETED, actor, clock.instant(), note);
        events.publishEvent(new OrderCompleted(order.id(), order.storeId(), gross.minor(), fee.minor(), order.currency()));
    }

    @Override
    @Transactional
    public Refund request(Actor buyer, long orderId, @Nullable List<RefundItem> items, String reason) {
        OrderView order = orders.lock(orderId);
        requireBuyer(buyer, order);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why you want a refund");
        }
        Instant now = clock.instant();
        switch (order.status()) {
            case PAID -> {
                List<RefundLine> lines = items == null ? remainingLines(order) : lines(order, items);
                return refundNow(order, lines, limit("reason", reason), buyer);
            }
            case DELIVERED -> {
                Instant deadline = order.deliveredAt().plus(properties.returnWindow());
                if (!now.isBefore(deadline)) {
                    throw new ConflictException("Order " + orderId + " was delivered on " + order.deliveredAt()
                            + "; returns closed on " + deadline);
                }
                List<RefundLine> lines = items == null ? remainingLines(order) : lines(order, items);
                long refundId = insertRefund(order, lines, true, RefundStatus.REQUESTED, limit("reason", reason), now,
                        now.plus(properties.refundDecisionTimeout()));
                for (RefundLine line : lines) {
                    jdbc.sql("UPDATE ordering.order_lines SET pending_refund_quantity = pending_refund_quantity + ? WHERE id = ?")
                            .params(line.quantity(), line.lineId()).update();
                }
                orders.record(orderId, order.status(), order.status(), buyer, now, "return requested: refund " + refundId);
                return orders.refund(refundId);
            }
            case SHIPPED -> throw new ConflictException("Order " + orderId
                    + " is on its way; ask for a return once it is delivered");
            default -> throw illegal(order, "refund");
        }
    }

    /** A refund before shipment: nothing to return, so the money and the stock come back at once. */
    private Refund refundNow(OrderView order, List<RefundLine> lines, String reason, Actor buyer) {
        Instant now = clock.instant();
        long refundId = insertRefund(order, lines, false, RefundStatus.APPROVED, reason, now, null);
        jdbc.sql("UPDATE ordering.refunds SET decided_at = ?, decided_by = 'system', decision_note = 'refunded before shipment' WHERE id = ?")
                .params(Timestamp.from(now), refundId).update();
        pay(order, refundId, lines, buyer, "refunded before shipment");
        return orders.refund(refundId);
    }

    @Override
    public List<Awaiting> awaitingDecision(Actor actor, int limit) {
        if (!actor.is(Role.SELLER) && !actor.is(Role.OPERATOR)) {
            throw new ForbiddenException("Only sellers and operators decide returns");
        }
        List<Long> orderIds = jdbc.sql("""
                SELECT DISTINCT ON (r.order_id) r.order_id FROM ordering.refunds r JOIN ordering.orders o ON o.id = r.order_id
                WHERE r.status = 'REQUESTED' AND (CAST(:seller AS BIGINT) IS NULL OR o.seller_id = :seller)
                ORDER BY r.order_id LIMIT :limit""")
                .param("seller", actor.is(Role.SELLER) ? actor.accountId() : null, java.sql.Types.BIGINT)
                .param("limit", limit).query(Long.class).list();
        return orders.load(orderIds).stream()
                .flatMap(order -> order.refunds().stream().filter(r -> r.status() == RefundStatus.REQUESTED)
                        .map(r -> new Awaiting(order, r)))
                .sorted(java.util.Comparator.comparing(a -> a.refund().requestedAt()))
                .limit(limit).toList();
    }

    @Override
    @Transactional
    public Refund approve(Actor actor, long refundId, @Nullable String note) {
        OrderView order = orders.lock(orders.orderOfRefund(refundId));
        requireSeller(actor, order);
        Refund refund = requestedRefund(refundId);
        decide(refund, RefundStatus.APPROVED, actor, note == null || note.isBlank() ? "approved" : limit("note", note));
        pay(order, refundId, refund.lines(), actor, "return approved: refund " + refundId);
        return orders.refund(refundId);
    }

    @Override
    @Transactional
    public Refund reject(Actor actor, long refundId, String note) {
        OrderView order = orders.lock(orders.orderOfRefund(refundId));
        requireSeller(actor, order);
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "Tell the buyer why the return is refused");
        }
        Refund refund = requestedRefund(refundId);
        decide(refund, RefundStatus.REJECTED, actor, limit("note", note));
        for (RefundLine line : refund.lines()) {
            jdbc.sql("UPDATE ordering.order_lines SET pending_refund_quantity = pending_refund_quantity - ? WHERE id = ?")
                    .params(line.quantity(), line.lineId()).update();
        }
        orders.record(order.id(), order.status(), order.status(), actor, clock.instant(), "return rejected: refund " + refundId);
        return orders.refund(refundId);
    }

    /** Returns the refund's money from escrow, puts the goods back on hand, and closes a fully refunded order. */
    private void pay(OrderView order, long refundId, List<RefundLine> lines, Actor actor, String note) {
        long amount = lines.stream().mapToLong(RefundLine::amountMinor).sum();
        escrow.refund(order.id(), refundId, order.buyerAccountId(), payee(order), money(order, amount));
        for (RefundLine line : lines) {
            OrderView.Line orderLine = order.lines().stream().filter(l -> l.id() == line.lineId()).findFirst().orElseThrow();
            stock.restock(order.id(), orderLine.skuId(), line.quantity());
            boolean wasPending = order.status() == OrderStatus.DELIVERED;
            jdbc.sql("""
                    UPDATE ordering.order_lines SET refunded_quantity = refunded_quantity + ?,
                      pending_refund_quantity = pending_refund_quantity - ? WHERE id = ?""")
                    .params(line.quantity(), wasPending ? line.quantity() : 0, line.lineId()).update();
        }
        jdbc.sql("UPDATE ordering.orders SET refunded_minor = refunded_minor + ? WHERE id = ?").params(amount, order.id()).update();
        events.publishEvent(new RefundApproved(refundId, order.id(), amount, order.currency()));
        boolean fullyRefunded = order.refundedMinor() + amount == order.totalMinor();
        if (fullyRefunded) {
            orders.transition(order, OrderStatus.REFUNDED, actor, clock.instant(), note);
        } else {
            orders.record(order.id(), order.status(), order.status(), actor, clock.instant(),
                    note + " (" + money(order, amount) + ")");
        }
    }

    private long insertRefund(OrderView order, List<RefundLine> lines, boolean returnGoods, RefundStatus status,
            String reason, Instant now, @Nullable Instant decideBy) {
        long amount = lines.stream().mapToLong(RefundLine::amountMinor).sum();
        long refundId = jdbc.sql("""
                INSERT INTO ordering.refunds (order_id, status, return_goods, amount_minor, reason, requested_at, decide_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(order.id(), status.name(), returnGoods, amount, reason, Timestamp.from(now),
                        decideBy == null ? null : Timestamp.from(decideBy))
                .query(Long.class).single();
        for (RefundLine line : lines) {
            jdbc.sql("INSERT INTO ordering.refund_lines (refund_id, line_id, quantity, amount_minor) VALUES (?, ?, ?, ?)")
                    .params(refundId, line.lineId(), line.quantity(), line.amountMinor()).update();
        }
        return refundId;
    }

    private Refund requestedRefund(long refundId) {
        Refund refund = orders.refund(refundId);
        if (refund.status() != RefundStatus.REQUESTED) {
            throw new ConflictException("Refund " + refundId + " was already " + refund.status().name().toLowerCase());
        }
        return refund;
    }

    private void decide(Refund refund, RefundStatus status, Actor actor, String note) {
        jdbc.sql("UPDATE ordering.refunds SET status = ?, decided_at = ?, decided_by = ?, decision_note = ? WHERE id = ?")
                .params(status.name(), Timestamp.from(clock.instant()), actor.label(), note, refund.id()).update();
    }

    private static List<RefundLine> remainingLines(OrderView order) {
        List<RefundLine> lines = order.lines().stream().filter(line -> line.refundableQuantity() > 0)
                .map(line -> new RefundLine(line.id(), line.refundableQuantity(), line.unitPriceMinor() * line.refundableQuantity()))
                .toList();
        if (lines.isEmpty()) {
            throw new ConflictException("Order " + order.id() + " has nothing left to refund");
        }
        return lines;
    }

    private static List<RefundLine> lines(OrderView order, List<RefundItem> items) {
        if (items.isEmpty()) {
            throw new InvalidInputException("items", "Name at least one line to refund, or leave items out to refund everything");
        }
        Map<Long, Long> quantities = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            RefundItem item = items.get(i);
            if (item == null) {
                throw new InvalidInputException("items[" + i + "]", "items[" + i + "] is empty; name a line and a quantity");
            }
            if (item.quantity() < 1) {
                throw new InvalidInputException("items[" + i + "].quantity", "Quantity must be positive, got " + item.quantity());
            }
            quantities.merge(item.lineId(), item.quantity(), Long::sum);
        }
        List<RefundLine> lines = new ArrayList<>();
        for (var entry : quantities.entrySet()) {
            OrderView.Line line = order.lines().stream().filter(l -> l.id() == entry.getKey()).findFirst()
                    .orElseThrow(() -> new InvalidInputException("items",
                            "Line " + entry.getKey() + " is not a line of order " + order.id()));
            if (entry.getValue() > line.refundableQuantity()) {
                throw new ConflictException("Line " + line.id() + " of order " + order.id() + " has "
                        + line.refundableQuantity() + " units left to refund, " + entry.getValue() + " requested");
            }
            lines.add(new RefundLine(line.id(), entry.getValue(), line.unitPriceMinor() * entry.getValue()));
        }
        return lines;
    }

    public int runTimeouts() {
        Instant now = clock.instant();
        int done = 0;
        done += sweep("SELECT id FROM ordering.orders WHERE status = 'AWAITING_PAYMENT' AND pay_by <= ? ORDER BY id LIMIT "
                + SWEEP_BATCH + " FOR UPDATE SKIP LOCKED", Timestamp.from(now), orderId -> {
            OrderView order = orders.lock(orderId);
            if (order.status() == OrderStatus.AWAITING_PAYMENT) {
                cancelUnpaid(order, Actor.SYSTEM, "not paid within " + properties.paymentTimeout().toMinutes() + " minutes");
            }
        });
        done += sweep("SELECT id FROM ordering.refunds WHERE status = 'REQUESTED' AND decide_by <= ? ORDER BY id LIMIT "
                + SWEEP_BATCH + " FOR UPDATE SKIP LOCKED", Timestamp.from(now), refundId -> {
            OrderView order = orders.lock(orders.orderOfRefund(refundId));
            Refund refund = orders.refund(refundId);
            if (refund.status() == RefundStatus.REQUESTED) {
                decide(refund, RefundStatus.APPROVED, Actor.SYSTEM, "approved by the platform: the seller did not decide in time");
                pay(order, refundId, refund.lines(), Actor.SYSTEM, "return approved by the platform: refund " + refundId);
            }
        });
        Timestamp deliveredBefore = Timestamp.from(now.minus(properties.autoConfirmAfter()));
        done += sweep("""
                SELECT o.id FROM ordering.orders o WHERE o.status = 'DELIVERED' AND o.delivered_at <= ?
                AND NOT EXISTS (SELECT 1 FROM ordering.refunds r WHERE r.order_id = o.id AND r.status = 'REQUESTED')
                ORDER BY o.id""" + " LIMIT " + SWEEP_BATCH + " FOR UPDATE SKIP LOCKED", deliveredBefore, orderId -> {
            OrderView order = orders.lock(orderId);
            if (order.status() == OrderStatus.DELIVERED) {
                complete(order, Actor.SYSTEM, "confirmed automatically " + properties.autoConfirmAfter().toDays()
                        + " days after delivery");
            }
        });
        return done;
    }

    private int sweep(String query, Timestamp bound, java.util.function.LongConsumer action) {
        int done = 0;
        while (true) {
            List<Long> due = jdbc.sql(query).param(bound).query(Long.class).list();
            int handled = 0;
            for (long id : due) {
                try {
                    transactions.executeWithoutResult(status -> action.accept(id));
                    handled++;
                } catch (RuntimeException e) {
                    log.warn("Timer could not act on {}: {}", id, e.getMessage());
                }
            }
            done += handled;
            if (due.size() < SWEEP_BATCH || handled == 0) {
                return done;
            }
        }
    }

    private static long payee(OrderView order) {
        return FeePolicy.firstParty(order.storeKind()) ? 0 : order.sellerAccountId();
    }

    private static Money money(OrderView order, long minor) {
        return new Money(minor, Currency.getInstance(order.currency()));
    }

    private static void requireParty(Actor actor, OrderView order) {
        boolean party = actor.is(Role.OPERATOR)
                || (actor.is(Role.BUYER) && order.buyerAccountId() == actor.accountId())
                || (actor.is(Role.SELLER) && order.sellerAccountId() == actor.accountId());
        if (!party) {
            throw new ForbiddenException("Order " + order.id() + " is not one of your orders");
        }
    }

    private static void requireBuyer(Actor actor, OrderView order) {
        if (!actor.is(Role.BUYER) || order.buyerAccountId() != actor.accountId()) {
            throw new ForbiddenException("Only the buyer of order " + order.id() + " may do this");
        }
    }

    /** The store's seller, or an operator acting for the platform. */
    private static void requireSeller(Actor actor, OrderView order) {
        boolean allowed = actor.is(Role.OPERATOR)
                || (actor.is(Role.SELLER) && order.sellerAccountId() == actor.accountId());
        if (!allowed) {
            throw new ForbiddenException("Only the seller of order " + order.id() + " may do this");
        }
    }

    private static void requireStatus(OrderView order, String action, OrderStatus... allowed) {
        if (!Set.of(allowed).contains(order.status())) {
            throw illegal(order, action);
        }
    }

    private static ConflictException illegal(OrderView order, String action) {
        return new ConflictException("Cannot " + action + " order " + order.id() + ": it is "
                + order.status().name().toLowerCase().replace('_', ' '));
    }

    private static String limit(String field, String text) {
        String stripped = text.strip();
        if (stripped.length() > 500) {
            throw new InvalidInputException(field, "Keep the " + field + " under 500 characters");
        }
        return stripped;
    }
}
