package io.mercato.ordering.internal;

import io.mercato.ordering.OrderFees;

import io.mercato.merchant.StoreKind;
import io.mercato.ordering.Address;
import io.mercato.ordering.OrderEvents.OrderCancelled;
import io.mercato.ordering.OrderEvents.OrderCompleted;
import io.mercato.ordering.OrderEvents.OrderDelivered;
import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.ordering.OrderEvents.OrderPlaced;
import io.mercato.ordering.OrderEvents.OrderShipped;
import io.mercato.ordering.OrderEvents.PaidLine;
import io.mercato.ordering.OrderEvents.RefundApproved;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView.Transition;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.Refund.RefundLine;
import io.mercato.ordering.Refund.RefundStatus;
import io.mercato.ordering.Refund;
import io.mercato.ordering.RefundDesk.RefundItem;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One order with its lines and refunds: the aggregate that owns every change of an order. Each transition
 * checks who is acting and whether the move is legal from the current status, applies the refund arithmetic,
 * records itself in the history and raises the event other modules hear of. Nothing here touches the
 * database or another module: a use case loads the order with its row locked, calls one method, saves what
 * changed ({@link Orders#save}), moves money and stock, and publishes {@link #releaseEvents()}.
 */
final class Order {

    /** The moves the lifecycle allows; anything else is a bug in a transition, not a user's mistake. */
    static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            OrderStatus.AWAITING_PAYMENT, EnumSet.of(OrderStatus.PAID, OrderStatus.CANCELLED),
            OrderStatus.PAID, EnumSet.of(OrderStatus.SHIPPED, OrderStatus.REFUNDED),
            OrderStatus.SHIPPED, EnumSet.of(OrderStatus.DELIVERED, OrderStatus.COMPLETED),
            OrderStatus.DELIVERED, EnumSet.of(OrderStatus.COMPLETED, OrderStatus.REFUNDED),
            OrderStatus.COMPLETED, EnumSet.of(OrderStatus.REFUNDED),
            OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class),
            OrderStatus.REFUNDED, EnumSet.noneOf(OrderStatus.class));

    private long id;
    private final long checkoutId;
    private final long buyerId;
    private final long storeId;
    private final StoreKind storeKind;
    private final long sellerId;
    private final Currency currency;
    private final long totalMinor;
    private final long shippingMinor;
    private final Address address;
    private final Instant placedAt;
    private final Instant payBy;
    private final List<Line> lines;
    private final List<Refund> refunds;
    private final List<Transition> history;

    private OrderStatus status;
    private long refundedMinor;
    private @Nullable Long feeMinor;
    private @Nullable String carrier;
    private @Nullable String trackingNumber;
    private @Nullable Instant paidAt;
    private @Nullable Instant shippedAt;
    private @Nullable Instant deliveredAt;
    private @Nullable Instant completedAt;
    private @Nullable Instant closedAt;
    private io.mercato.ordering.OrderView.@Nullable BuyerAmount buyerAmount;
    private @Nullable Taxes taxes;

    // What changed since the order was loaded, for Orders.save.
    private boolean changed;
    private final List<Transition> newHistory = new ArrayList<>();
    private final List<Refund> newRefunds = new ArrayList<>();
    private final Set<Long> decidedRefunds = new LinkedHashSet<>();
    private final Set<Long> changedLines = new LinkedHashSet<>();
    private final List<Object> events = new ArrayList<>();

    private Order(long id, long checkoutId, long buyerId, long storeId, StoreKind storeKind, long sellerId,
            Currency currency, long totalMinor, long shippingMinor, Address address, Instant placedAt, Instant payBy,
            List<Line> lines, List<Refund> refunds, List<Transition> history, OrderStatus status) {
        this.id = id;
        this.checkoutId = checkoutId;
        this.buyerId = buyerId;
        this.storeId = storeId;
        this.storeKind = storeKind;
        this.sellerId = sellerId;
        this.currency = currency;
        this.totalMinor = totalMinor;
        this.shippingMinor = shippingMinor;
        this.address = address;
        this.placedAt = placedAt;
        this.payBy = payBy;
        this.lines = new ArrayList<>(lines);
        this.refunds = new ArrayList<>(refunds);
        this.history = new ArrayList<>(history);
        this.status = status;
    }

    /**
     * The time a transition happens at, as the order tables keep it (PostgreSQL stores microseconds), so that
     * what a use case answers from the aggregate is what a later load of the order shows.
     */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A new order of one store's lines, awaiting payment until {@code payBy}. It has no id until
     * {@link Orders#add} writes it.
     *
     * @param shippingMinor the shipping fee the store charges (zero when it ships free); part of the total, the
     *     merchant's at settlement
     */
    static Order place(long checkoutId, Actor buyer, long storeId, StoreKind storeKind, long sellerId,
            Currency currency, List<NewLine> newLines, long shippingMinor, Address address, Instant now, Instant payBy) {
        if (shippingMinor < 0) {
            throw new IllegalArgumentException("A shipping fee is never negative, got " + shippingMinor);
        }
        if (newLines.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        long total = 0;
        List<Line> lines = new ArrayList<>();
        for (NewLine line : newLines) {
            total = Math.addExact(total, line.paidMinor());
            lines.add(new Line(0, line.skuId(), line.productId(), line.title(), line.attributes(), line.unitPriceMinor(),
                    line.quantity(), 0, 0, line.categoryId(), line.commissionBasisPoints(), line.paidMinor(),
                    line.platformFundedMinor(), line.adjustments()));
        }
        total = Math.addExact(total, shippingMinor);
        Order order = new Order(0, checkoutId, buyer.accountId(), storeId, storeKind, sellerId, currency, total,
                shippingMinor, address, now, payBy, lines, List.of(), List.of(), OrderStatus.AWAITING_PAYMENT);
        order.record(null, OrderStatus.AWAITING_PAYMENT, buyer, now, "placed");
        return order;
    }

    /** An order as {@link Orders} read it. */
    static Order of(Orders.Stored stored) {
        Currency currency = Currency.getInstance(stored.currency());
        List<Line> lines = stored.lines().stream().map(l -> new Line(l.id(), l.skuId(), l.productId(), l.title(),
                l.attributes(), l.unitPriceMinor(), l.quantity(), l.refundedQuantity(), l.pendingRefundQuantity(),
                l.categoryId(), l.commissionBasisPoints(),
                l.paidMinor() == null ? Math.multiplyExact(l.unitPriceMinor(), l.quantity()) : l.paidMinor(),
                l.platformFundedMinor() == null ? 0 : l.platformFundedMinor(),
                l.adjustments() == null ? List.of() : l.adjustments())).toList();
        List<Refund> refunds = stored.refunds().stream().map(r -> new Refund(r.id(), r.orderId(), r.status(),
                r.returnGoods(), new Money(r.amountMinor(), currency), r.reason(), r.requestedAt(), r.decideBy(),
                r.decidedAt(), r.decidedBy(), r.decisionNote(), r.lines().stream()
                        .map(rl -> new RefundLine(rl.lineId(), rl.quantity(), new Money(rl.amountMinor(), currency))).toList()))
                .toList();
        Order order = new Order(stored.id(), stored.checkoutId(), stored.buyerAccountId(), stored.storeId(),
                stored.storeKind(), stored.sellerAccountId(), currency, stored.totalMinor(),
                stored.shippingMinor() == null ? 0 : stored.shippingMinor(), stored.address(),
                stored.placedAt(), stored.payBy(), lines, refunds, stored.history(), stored.status());
        order.refundedMinor = stored.refundedMinor();
        order.feeMinor = stored.feeMinor();
        order.carrier = stored.carrier();
        order.trackingNumber = stored.trackingNumber();
        order.paidAt = stored.paidAt();
        order.shippedAt = stored.shippedAt();
        order.deliveredAt = stored.deliveredAt();
        order.completedAt = stored.completedAt();
        order.closedAt = stored.closedAt();
        if (stored.buyerCurrency() != null && stored.buyerTotalMinor() != null && stored.fxRate() != null
                && stored.fxRateDay() != null) {
            order.buyerAmount = new io.mercato.ordering.OrderView.BuyerAmount(stored.buyerCurrency().strip(),
                    stored.buyerTotalMinor(), stored.fxRate(), stored.fxRateDay());
        }
        if (stored.taxTreatment() != null) {
            order.taxes = new Taxes(stored.taxTreatment(), stored.taxBasisPoints() == null ? 0 : stored.taxBasisPoints(),
                    stored.taxCollectedMinor() == null ? 0 : stored.taxCollectedMinor(),
                    stored.taxDueMinor() == null ? 0 : stored.taxDueMinor());
        }
        return order;
    }

    // ---- transitions

    /** The buyer pays before the deadline; the money moves into escrow in the same transaction. */
    void pay(Actor actor, Instant now) {
        requireBuyer(actor);
        requireStatus("pay", OrderStatus.AWAITING_PAYMENT);
        if (!now.isBefore(payBy)) {
            throw new ConflictException(Text.of("ordering.orderWasNotPaidBeing", id, payBy));
        }
        moveTo(OrderStatus.PAID, actor, now, "paid from wallet");
        raise(new OrderPaid(id, buyerId, storeId, total(),
                lines.stream().map(line -> new PaidLine(line.productId, line.skuId, line.quantity)).toList()));
    }

    /**
     * The buyer calls the order off: an unpaid order is cancelled (and its reservation is to be released); a
     * paid one is refunded in full before it ships.
     *
     * @return the refund to pay out, or empty when nothing was paid
     */
    Optional<Refund> cancel(Actor actor, @Nullable String reason, Instant now, LongSupplier refundIds) {
        requireBuyer(actor);
        String why = reason == null || reason.isBlank() ? "cancelled by buyer" : limit("reason", reason);
        return switch (status) {
            case AWAITING_PAYMENT -> {
                cancelUnpaid(actor, why, now);
                yield Optional.empty();
            }
            case PAID -> Optional.of(refundBeforeShipment(actor, refundIds.getAsLong(), remainingLines(), why, now));
            default -> throw illegal("cancel");
        };
    }

    /** The timer cancels an order that was not paid in time; false when it was paid or closed meanwhile. */
    boolean expire(Instant now, String why) {
        if (status != OrderStatus.AWAITING_PAYMENT) {
            return false;
        }
        cancelUnpaid(Actor.SYSTEM, why, now);
        return true;
    }

    private void cancelUnpaid(Actor actor, String why, Instant now) {
        moveTo(OrderStatus.CANCELLED, actor, now, why);
        raise(new OrderCancelled(id, why));
    }

    void ship(Actor actor, String carrier, String trackingNumber, Instant now) {
        requireSeller(actor);
        requireStatus("ship", OrderStatus.PAID);
        if (carrier == null || carrier.isBlank() || carrier.length() > 50) {
            throw new InvalidInputException("carrier", Text.of("ordering.carrierMustCharacters"));
        }
        if (trackingNumber == null || !trackingNumber.strip().matches("[A-Za-z0-9-]{6,40}")) {
            throw new InvalidInputException("trackingNumber",
                    Text.of("ordering.trackingNumberMustLettersDigits", trackingNumber));
        }
        this.carrier = carrier.strip();
        this.trackingNumber = trackingNumber.strip();
        moveTo(OrderStatus.SHIPPED, actor, now, this.carrier + " " + this.trackingNumber);
        raise(new OrderShipped(id, this.carrier, this.trackingNumber));
    }

    /**
     * The carrier's delivery, recorded by the seller or an operator on the carrier's word, or by the platform itself
     * ({@link Actor#SYSTEM}) when the carrier's signed tracking events report every parcel delivered.
     */
    void markDelivered(Actor actor, Instant now) {
        if (!actor.isSystem()) {
            requireSeller(actor);
        }
        requireStatus("mark delivered", OrderStatus.SHIPPED);
        moveTo(OrderStatus.DELIVERED, actor, now, "carrier reported delivery");
        raise(new OrderDelivered(id));
    }

    /** The buyer confirms receipt: the order completes and its escrow is to be settled. */
    void confirmReceipt(Actor actor, Instant now, OrderFees fees) {
        requireBuyer(actor);
        requireStatus("confirm receipt of", OrderStatus.SHIPPED, OrderStatus.DELIVERED);
        complete(actor, "receipt confirmed by buyer", now, fees);
    }

    /** The timer confirms for a buyer who did not; false when the order is no longer delivered. */
    boolean confirmAutomatically(Instant now, OrderFees fees, String note) {
        if (status != OrderStatus.DELIVERED) {
            return false;
        }
        complete(Actor.SYSTEM, note, now, fees);
        return true;
    }

    private void complete(Actor actor, String note, Instant now, OrderFees fees) {
        refunds.stream().filter(refund -> refund.status() == RefundStatus.REQUESTED).findFirst().ifPresent(refund -> {
            throw new ConflictException(Text.of("ordering.orderHasRefundAwaitingDecision", id, refund.id()));
        });
        moveTo(OrderStatus.COMPLETED, actor, now, note);
        feeMinor = firstParty(storeKind) ? 0 : fees.charge(feeBasis()).minor();
        raise(new OrderCompleted(id, storeId, escrow(), money(feeMinor)));
    }

    /** Whether the store's sales are the platform's own: its escrow settles to platform revenue, not a merchant. */
    static boolean firstParty(StoreKind kind) {
        return kind == StoreKind.SUPERMARKET;
    }

    /** What billing charges its fees on: the order as paid, with the value the buyer keeps of each line. */
    OrderFees.FeeBasis feeBasis() {
        return new OrderFees.FeeBasis(id, storeId, storeKind, sellerId, currency,
                java.util.Objects.requireNonNull(paidAt, "paidAt"), lines.stream()
                        .map(line -> new OrderFees.FeeLine(line.id, line.productId, line.categoryId,
                                line.commissionBasisPoints, money(line.keptValueMinor())))
                        .toList());
    }

    /** Billing gave back part of the fee of a settled order after a refund: the order keeps what remains. */
    void feeReturned(Money back) {
        if (feeMinor == null || back.minor() < 0 || back.minor() > feeMinor) {
            throw new IllegalStateException("Order " + id + " with fee " + feeMinor + " cannot give back " + back);
        }
        feeMinor -= back.minor();
    }

    /** Whether the order's escrow was released to the seller: refunds then come out of the seller's balance. */
    boolean settled() {
        return status == OrderStatus.COMPLETED || (status == OrderStatus.REFUNDED && completedAt != null);
    }

    // ---- refunds

    /**
     * The buyer asks for money back on some lines (all that remain when {@code items} is null). The policy
     * says whether that is a refund paid at once (before shipment) or a return the seller decides.
     *
     * @param refundIds gives the new refund its id (asked only when a refund is made)
     */
    Refund requestRefund(Actor actor, @Nullable List<RefundItem> items, String reason, Instant now,
            RefundPolicy policy, LongSupplier refundIds) {
        requireBuyer(actor);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", Text.of("ordering.sayWhyYouWantRefund"));
        }
        RefundPolicy.Route route = policy.route(id, status, deliveredAt == null ? completedAt : deliveredAt, now);
        List<RefundLine> wanted = items == null ? remainingLines() : lines(items);
        String why = limit("reason", reason);
        return switch (route) {
            case IMMEDIATE -> refundBeforeShipment(actor, refundIds.getAsLong(), wanted, why, now);
            case RETURN -> {
                long refundId = refundIds.getAsLong();
                Refund refund = new Refund(refundId, id, RefundStatus.REQUESTED, true, money(refundAmount(wanted)), why, now,
                        policy.decideBy(now), null, null, null, wanted);
                refunds.add(refund);
                newRefunds.add(refund);
                for (RefundLine wantedLine : wanted) {
                    line(wantedLine.lineId()).holdForRefund(wantedLine.quantity());
                    changedLines.add(wantedLine.lineId());
                }
                record(status, status, actor, now, "return requested: refund " + refundId);
                yield refund;
            }
        };
    }

    /** A refund before shipment: nothing to send back, so it is approved at once. */
    private Refund refundBeforeShipment(Actor actor, long refundId, List<RefundLine> wanted, String reason, Instant now) {
        Refund refund = new Refund(refundId, id, RefundStatus.APPROVED, false, money(refundAmount(wanted)), reason, now, null, now,
                Actor.SYSTEM.label(), "refunded before shipment", wanted);
        refunds.add(refund);
        newRefunds.add(refund);
        applyRefund(refund, actor, "refunded before shipment", now);
        return refund;
    }

    /** The seller (or an operator) accepts a requested return. */
    Refund approveReturn(Actor actor, long refundId, @Nullable String note, Instant now) {
        requireSeller(actor);
        Refund refund = decide(requested(refundId), RefundStatus.APPROVED, actor,
                note == null || note.isBlank() ? "approved" : limit("note", note), now);
        applyRefund(refund, actor, "return approved: refund " + refundId, now);
        return refund;
    }

    /** The seller (or an operator) refuses a requested return and says why. */
    Refund rejectReturn(Actor actor, long refundId, @Nullable String note, Instant now) {
        requireSeller(actor);
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", Text.of("ordering.tellBuyerWhyReturnRefused"));
        }
        Refund refund = decide(requested(refundId), RefundStatus.REJECTED, actor, limit("note", note), now);
        for (RefundLine refunded : refund.lines()) {
            line(refunded.lineId()).releaseHold(refunded.quantity());
            changedLines.add(refunded.lineId());
        }
        record(status, status, actor, now, "return rejected: refund " + refundId);
        return refund;
    }

    /**
     * The operator rules for the buyer on a rejected return: a new refund of its units (or of the ones named, each
     * within it), approved at once. Nothing was held for it, as the rejection released the units.
     */
    Refund refundAfterDispute(Actor actor, long rejectedRefundId, @Nullable List<RefundItem> items, String note,
            Instant now, LongSupplier refundIds) {
        actor.require(Role.OPERATOR);
        Refund rejected = refund(rejectedRefundId);
        if (rejected.status() != RefundStatus.REJECTED) {
            throw new ConflictException(Text.of("dispute.refund.notRejected", String.valueOf(rejectedRefundId)));
        }
        List<RefundLine> wanted;
        if (items == null) {
            wanted = lines(rejected.lines().stream().map(l -> new RefundItem(l.lineId(), l.quantity())).toList());
        } else {
            wanted = lines(items);
            for (RefundLine line : wanted) {
                long allowed = rejected.lines().stream().filter(l -> l.lineId() == line.lineId())
                        .mapToLong(RefundLine::quantity).sum();
                if (line.quantity() > allowed) {
                    throw new InvalidInputException("items", Text.of("dispute.items.outside",
                            String.valueOf(line.lineId()), allowed));
                }
            }
        }
        long refundId = refundIds.getAsLong();
        String why = limit("note", note == null || note.isBlank() ? "dispute decided" : note);
        Refund refund = new Refund(refundId, id, RefundStatus.APPROVED, false, money(sum(wanted)), rejected.reason(),
                now, null, now, actor.label(), why, wanted);
        refunds.add(refund);
        newRefunds.add(refund);
        applyRefund(refund, actor, "refund after dispute over refund " + rejectedRefundId, now);
        return refund;
    }

    /** The platform approves a return the seller left undecided; empty when it was decided meanwhile. */
    Optional<Refund> approveOverdueReturn(long refundId, Instant now) {
        Refund refund = refund(refundId);
        if (refund.status() != RefundStatus.REQUESTED) {
            return Optional.empty();
        }
        Refund approved = decide(refund, RefundStatus.APPROVED, Actor.SYSTEM,
                "approved by the platform: the seller did not decide in time", now);
        applyRefund(approved, Actor.SYSTEM, "return approved by the platform: refund " + refundId, now);
        return Optional.of(approved);
    }

    /** Books an approved refund on its lines and the order, and closes an order refunded in full. */
    private void applyRefund(Refund refund, Actor actor, String note, Instant now) {
        boolean wasHeld = refund.returnGoods();
        for (RefundLine refunded : refund.lines()) {
            line(refunded.lineId()).refund(refunded.quantity(), wasHeld);
            changedLines.add(refunded.lineId());
        }
        refundedMinor = Math.addExact(refundedMinor, refund.amountMinor());
        changed = true;
        raise(new RefundApproved(refund.id(), id, refund.amount()));
        if (lines.stream().allMatch(line -> line.refundedQuantity == line.quantity)) {
            moveTo(OrderStatus.REFUNDED, actor, now, note);
        } else {
            record(status, status, actor, now, note + " (" + refund.amount() + ")");
        }
    }

    private Refund decide(Refund refund, RefundStatus decision, Actor actor, String note, Instant now) {
        Refund decided = new Refund(refund.id(), refund.orderId(), decision, refund.returnGoods(), refund.amount(),
                refund.reason(), refund.requestedAt(), refund.decideBy(), now, actor.label(), note, refund.lines());
        refunds.set(refunds.indexOf(refund), decided);
        if (!newRefunds.contains(refund)) {
            decidedRefunds.add(refund.id());
        }
        return decided;
    }

    private Refund requested(long refundId) {
        Refund refund = refund(refundId);
        if (refund.status() != RefundStatus.REQUESTED) {
            throw new ConflictException(Text.of("ordering.refundWasAlready", refundId, refund.status()));
        }
        return refund;
    }

    Refund refund(long refundId) {
        return refunds.stream().filter(refund -> refund.id() == refundId).findFirst()
                .orElseThrow(() -> new IllegalStateException("Refund " + refundId + " is not one of order " + id));
    }

    /** Every unit not yet refunded or waiting for a decision. */
    private List<RefundLine> remainingLines() {
        List<RefundLine> remaining = lines.stream().filter(line -> line.refundableQuantity() > 0)
                .map(line -> new RefundLine(line.id, line.refundableQuantity(),
                        money(line.refundAmountMinor(line.refundableQuantity()))))
                .toList();
        if (remaining.isEmpty()) {
            throw new ConflictException(Text.of("ordering.orderHasNothingLeftRefund", id));
        }
        return remaining;
    }

    /** The buyer's choice of lines and quantities; the same line named twice adds up. */
    private List<RefundLine> lines(List<RefundItem> items) {
        if (items.isEmpty()) {
            throw new InvalidInputException("items", Text.of("ordering.nameLeastOneLineRefund"));
        }
        Map<Long, Long> quantities = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            RefundItem item = items.get(i);
            if (item == null) {
                throw new InvalidInputException("items[" + i + "]", Text.of("ordering.itemsEmptyNameLineQuantity", i));
            }
            if (item.quantity() < 1) {
                throw new InvalidInputException("items[" + i + "].quantity", Text.of("ordering.quantityMustPositiveGot", item.quantity()));
            }
            quantities.merge(item.lineId(), item.quantity(), Math::addExact);
        }
        List<RefundLine> wanted = new ArrayList<>();
        for (var entry : quantities.entrySet()) {
            Line line = lines.stream().filter(l -> l.id == entry.getKey()).findFirst()
                    .orElseThrow(() -> new InvalidInputException("items",
                            Text.of("ordering.lineNotLineOrder", entry.getKey(), id)));
            if (entry.getValue() > line.refundableQuantity()) {
                throw new ConflictException(Text.of("ordering.lineOrderHasUnitsLeft", line.id, id, line.refundableQuantity(), entry.getValue()));
            }
            wanted.add(new RefundLine(line.id, entry.getValue(), money(line.refundAmountMinor(entry.getValue()))));
        }
        wanted.sort(java.util.Comparator.comparingLong(RefundLine::lineId));
        return wanted;
    }

    /**
     * What a refund of these lines gives back: their share of what was paid, and the shipping fee too when they are the
     * last units of an order not yet settled (every unit comes back, so the escrow keeps nothing). After settlement the
     * fee was the merchant's for a parcel that went out, and stays so.
     */
    private long refundAmount(List<RefundLine> wanted) {
        long amount = sum(wanted);
        if (shippingMinor == 0 || settled()) {
            return amount;
        }
        Map<Long, Long> asked = new LinkedHashMap<>();
        wanted.forEach(line -> asked.merge(line.lineId(), line.quantity(), Long::sum));
        boolean last = lines.stream().allMatch(line -> line.pendingRefundQuantity == 0
                && asked.getOrDefault(line.id, 0L) == line.quantity - line.refundedQuantity);
        return last ? Math.addExact(amount, shippingMinor) : amount;
    }

    private static long sum(List<RefundLine> lines) {
        return lines.stream().mapToLong(RefundLine::amountMinor).reduce(0, Math::addExact);
    }

    // ---- guards

    private void requireBuyer(Actor actor) {
        if (!actor.is(Role.BUYER) || buyerId != actor.accountId()) {
            throw new ForbiddenException(Text.of("ordering.onlyBuyerOrderMayDo", id));
        }
    }

    /** The store's seller, or an operator acting for the platform. */
    private void requireSeller(Actor actor) {
        if (!actor.is(Role.OPERATOR) && !(actor.is(Role.SELLER) && sellerId == actor.accountId())) {
            throw new ForbiddenException(Text.of("ordering.onlySellerOrderMayDo", id));
        }
    }

    /** The buyer, the seller, or an operator: who may read the order. */
    static void requireParty(Actor actor, OrderView order) {
        boolean party = actor.is(Role.OPERATOR)
                || (actor.is(Role.BUYER) && order.buyerAccountId() == actor.accountId())
                || (actor.is(Role.SELLER) && order.sellerAccountId() == actor.accountId());
        if (!party) {
            throw new ForbiddenException(Text.of("ordering.orderNotOneYourOrders", order.id()));
        }
    }

    private void requireStatus(String action, OrderStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw illegal(action);
        }
    }

    private ConflictException illegal(String action) {
        return new ConflictException(Text.of("ordering.cannotOrder", Text.of("ordering.action." + action.replace(" ", "")), id, status));
    }

    private static String limit(String field, String text) {
        String stripped = text.strip();
        if (stripped.length() > 500) {
            throw new InvalidInputException(field, Text.of("ordering.keepUnderCharacters", field));
        }
        return stripped;
    }

    // ---- bookkeeping

    private void moveTo(OrderStatus to, Actor actor, Instant at, String note) {
        if (!ALLOWED.get(status).contains(to)) {
            throw new IllegalStateException("Order " + id + " cannot move from " + status + " to " + to);
        }
        switch (to) {
            case PAID -> paidAt = at;
            case SHIPPED -> shippedAt = at;
            case DELIVERED -> deliveredAt = at;
            case COMPLETED -> completedAt = at;
            case CANCELLED, REFUNDED -> closedAt = at;
            case AWAITING_PAYMENT -> throw new IllegalStateException("Nothing moves back to awaiting payment");
        }
        OrderStatus from = status;
        status = to;
        changed = true;
        record(from, to, actor, at, note);
    }

    private void record(@Nullable OrderStatus from, OrderStatus to, Actor actor, Instant at, @Nullable String note) {
        Transition transition = new Transition(from, to, actor.label(), at, note);
        history.add(transition);
        newHistory.add(transition);
    }

    private void raise(Object event) {
        events.add(event);
    }

    /** The events the transitions since the last call raised, in order; publish them after saving. */
    List<Object> releaseEvents() {
        List<Object> raised = List.copyOf(events);
        events.clear();
        return raised;
    }

    /** Called by {@link Orders} once it has written what changed. */
    void saved() {
        changed = false;
        newHistory.clear();
        newRefunds.clear();
        decidedRefunds.clear();
        changedLines.clear();
    }

    /** Called by {@link Orders#add} with the ids the database gave the order and its lines. */
    void assignIds(long orderId, List<Long> lineIds) {
        if (id != 0 || lineIds.size() != lines.size()) {
            throw new IllegalStateException("Order " + id + " already has its ids");
        }
        id = orderId;
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).id = lineIds.get(i);
        }
    }

    /** The event that tells other modules a new order holds stock. */
    OrderPlaced placed() {
        return new OrderPlaced(id, buyerId, storeId, total());
    }

    // ---- what the rest of the module reads

    long id() {
        return id;
    }

    long checkoutId() {
        return checkoutId;
    }

    long buyerId() {
        return buyerId;
    }

    long storeId() {
        return storeId;
    }

    StoreKind storeKind() {
        return storeKind;
    }

    long sellerId() {
        return sellerId;
    }

    Currency currency() {
        return currency;
    }

    OrderStatus status() {
        return status;
    }

    Money total() {
        return money(totalMinor);
    }

    Money refunded() {
        return money(refundedMinor);
    }

    Money shipping() {
        return money(shippingMinor);
    }

    /** The total in the buyer's display currency, recorded once when the order is placed. */
    void recordBuyerAmount(io.mercato.ordering.OrderView.BuyerAmount amount) {
        if (id != 0 || buyerAmount != null) {
            throw new IllegalStateException("Order " + id + " records its buyer's amount once, before it is written");
        }
        buyerAmount = amount;
    }

    io.mercato.ordering.OrderView.@Nullable BuyerAmount buyerAmount() {
        return buyerAmount;
    }

    /**
     * The cross-border taxes assessed at checkout: {@code collectedMinor} is paid on top of the total into the
     * platform's VAT ({@code IOSS_VAT}) or duty ({@code DUTY}) liability; {@code dueMinor} is owed at the border.
     */
    record Taxes(String treatment, int basisPoints, long collectedMinor, long dueMinor) {

        Taxes {
            if (collectedMinor < 0 || dueMinor < 0) {
                throw new IllegalArgumentException("Taxes are never negative, got " + collectedMinor + " and " + dueMinor);
            }
        }
    }

    /** Records the taxes assessed at checkout, once, before the order is written. */
    void recordTaxes(Taxes assessed) {
        if (id != 0 || taxes != null) {
            throw new IllegalStateException("Order " + id + " records its taxes once, before it is written");
        }
        taxes = assessed;
    }

    @Nullable Taxes taxes() {
        return taxes;
    }

    /** What the buyer pays: the total and the taxes collected. */
    Money payable() {
        return money(totalMinor + (taxes == null ? 0 : taxes.collectedMinor()));
    }

    /** The taxes paid at checkout as the ledger takes them: VAT for IOSS, a duty otherwise. */
    io.mercato.payment.TaxShare taxShare() {
        return taxShare(taxes == null ? 0 : taxes.collectedMinor());
    }

    private io.mercato.payment.TaxShare taxShare(long minor) {
        boolean vat = taxes != null && taxes.treatment().equals("IOSS_VAT");
        return new io.mercato.payment.TaxShare(money(vat ? minor : 0), money(vat ? 0 : minor));
    }

    /**
     * The taxes a refund just applied gives back: the collected taxes' share of the money refunded so far, less their
     * share before it, each share floored, so that an order refunded in full gives back exactly what was collected.
     */
    io.mercato.payment.TaxShare taxesBack(Refund refund) {
        long collected = taxes == null ? 0 : taxes.collectedMinor();
        if (collected == 0 || totalMinor == 0) {
            return taxShare(0);
        }
        long before = refundedMinor - refund.amountMinor();
        return taxShare(Line.share(collected, refundedMinor, totalMinor) - Line.share(collected, before, totalMinor));
    }

    /** The part of the collected taxes refunds gave back. */
    long taxesRefundedMinor() {
        long collected = taxes == null ? 0 : taxes.collectedMinor();
        return collected == 0 || totalMinor == 0 ? 0 : Line.share(collected, Math.min(refundedMinor, totalMinor), totalMinor);
    }

    /** What the escrow holds for this order until it settles: the total less what was refunded. */
    Money escrow() {
        return money(totalMinor - refundedMinor);
    }

    @Nullable Money fee() {
        return feeMinor == null ? null : money(feeMinor);
    }

    Address address() {
        return address;
    }

    Instant placedAt() {
        return placedAt;
    }

    Instant payBy() {
        return payBy;
    }

    @Nullable Instant deliveredAt() {
        return deliveredAt;
    }

    @Nullable String carrier() {
        return carrier;
    }

    @Nullable String trackingNumber() {
        return trackingNumber;
    }

    @Nullable Instant paidAt() {
        return paidAt;
    }

    @Nullable Instant shippedAt() {
        return shippedAt;
    }

    @Nullable Instant completedAt() {
        return completedAt;
    }

    @Nullable Instant closedAt() {
        return closedAt;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    Line line(long lineId) {
        return lines.stream().filter(line -> line.id == lineId).findFirst()
                .orElseThrow(() -> new IllegalStateException("Line " + lineId + " is not a line of order " + id));
    }

    boolean isChanged() {
        return changed;
    }

    List<Transition> newHistory() {
        return List.copyOf(newHistory);
    }

    List<Refund> newRefunds() {
        return List.copyOf(newRefunds);
    }

    List<Refund> decidedRefunds() {
        return decidedRefunds.stream().map(this::refund).toList();
    }

    List<Line> changedLines() {
        return changedLines.stream().map(this::line).toList();
    }

    private Money money(long minor) {
        return new Money(minor, currency);
    }

    /** The order as the module's API shows it. */
    OrderView view() {
        return new OrderView(id, checkoutId, buyerId, storeId, storeKind, sellerId, status, total(), shipping(), refunded(), fee(),
                address, carrier, trackingNumber, placedAt, payBy, paidAt, shippedAt,
                deliveredAt, completedAt, closedAt,
                lines.stream().map(line -> new OrderView.Line(line.id, line.skuId, line.productId, line.title,
                        line.attributes, money(line.unitPriceMinor), line.quantity, line.refundedQuantity,
                        line.pendingRefundQuantity, line.commissionBasisPoints, money(line.paidMinor),
                        line.adjustments)).toList(),
                history, refunds, buyerAmount, taxes == null ? null
                        : new OrderView.Taxes(taxes.treatment(), taxes.basisPoints(), taxes.collectedMinor(),
                                taxes.dueMinor(), taxesRefundedMinor()));
    }

    /**
     * A line about to be placed, priced by the pricing engine at checkout.
     *
     * @param unitPriceMinor the list price of one unit
     * @param paidMinor what the buyer pays for the whole line, after every discount
     * @param platformFundedMinor the part of the line's discounts the platform funds (paid to the merchant at settlement)
     */
    record NewLine(long skuId, long productId, String title, Map<String, String> attributes, long unitPriceMinor,
            long quantity, long categoryId, int commissionBasisPoints, long paidMinor, long platformFundedMinor,
            List<OrderView.Adjustment> adjustments) {

        NewLine {
            adjustments = List.copyOf(adjustments);
        }

        /** A line at list price, without discounts. */
        NewLine(long skuId, long productId, String title, Map<String, String> attributes, long unitPriceMinor,
                long quantity, long categoryId, int commissionBasisPoints) {
            this(skuId, productId, title, attributes, unitPriceMinor, quantity, categoryId, commissionBasisPoints,
                    Math.multiplyExact(unitPriceMinor, quantity), 0, List.of());
        }
    }

    /**
     * The subsidy the platform pays the merchant for the units the buyer keeps: the line's platform-funded share,
     * pro rata to units, cumulatively floored so that the shares of all units sum exactly to it.
     */
    Money subsidy() {
        long subsidy = 0;
        for (Line line : lines) {
            subsidy += line.platformFundedMinor - Line.share(line.platformFundedMinor, line.refundedQuantity, line.quantity);
        }
        return money(subsidy);
    }

    /** The platform-funded share of {@code units} just refunded on a line, which a settled order gives back. */
    Money subsidyOf(long lineId, long units) {
        Line line = line(lineId);
        long after = line.refundedQuantity;
        return money(Line.share(line.platformFundedMinor, after, line.quantity)
                - Line.share(line.platformFundedMinor, after - units, line.quantity));
    }

    /** A line of the order: what was bought, and how much of it was refunded or is held for a return. */
    static final class Line {

        private long id;
        private final long skuId;
        private final long productId;
        private final String title;
        private final Map<String, String> attributes;
        private final long unitPriceMinor;
        private final long quantity;
        private long refundedQuantity;
        private long pendingRefundQuantity;
        private final long categoryId;
        private final int commissionBasisPoints;
        private final long paidMinor;
        private final long platformFundedMinor;
        private final List<OrderView.Adjustment> adjustments;

        Line(long id, long skuId, long productId, String title, Map<String, String> attributes, long unitPriceMinor,
                long quantity, long refundedQuantity, long pendingRefundQuantity, long categoryId,
                int commissionBasisPoints, long paidMinor, long platformFundedMinor,
                List<OrderView.Adjustment> adjustments) {
            this.paidMinor = paidMinor;
            this.platformFundedMinor = platformFundedMinor;
            this.adjustments = List.copyOf(adjustments);
            this.id = id;
            this.skuId = skuId;
            this.productId = productId;
            this.title = title;
            this.attributes = Map.copyOf(attributes);
            this.unitPriceMinor = unitPriceMinor;
            this.quantity = quantity;
            this.refundedQuantity = refundedQuantity;
            this.pendingRefundQuantity = pendingRefundQuantity;
            this.categoryId = categoryId;
            this.commissionBasisPoints = commissionBasisPoints;
        }

        long refundableQuantity() {
            return quantity - refundedQuantity - pendingRefundQuantity;
        }

        /** The units still kept by the buyer, which the fee is charged on. */
        long keptQuantity() {
            return quantity - refundedQuantity;
        }

        /**
         * The share of {@code amount} that {@code units} of the line's {@code quantity} carry, floored; the shares of
         * successive units therefore sum exactly to {@code amount}.
         */
        static long share(long amount, long units, long quantity) {
            return Math.multiplyExact(amount, units) / quantity;
        }

        /** What refunding the next {@code units} gives back: their share of what the buyer paid for the line. */
        long refundAmountMinor(long units) {
            long taken = refundedQuantity + pendingRefundQuantity;
            return share(paidMinor, taken + units, quantity) - share(paidMinor, taken, quantity);
        }

        /**
         * The value the fee is charged on for the units kept: what the buyer paid plus what the platform funded, so
         * that the platform's own discounts do not lower the merchant's GMV.
         */
        long keptValueMinor() {
            long value = Math.addExact(paidMinor, platformFundedMinor);
            return value - share(value, refundedQuantity, quantity);
        }

        long paidMinor() {
            return paidMinor;
        }

        long platformFundedMinor() {
            return platformFundedMinor;
        }

        List<OrderView.Adjustment> adjustments() {
            return adjustments;
        }

        private void holdForRefund(long units) {
            check(units <= refundableQuantity(), units);
            pendingRefundQuantity += units;
        }

        private void releaseHold(long units) {
            check(units <= pendingRefundQuantity, units);
            pendingRefundQuantity -= units;
        }

        private void refund(long units, boolean wasHeld) {
            check(units <= (wasHeld ? pendingRefundQuantity : refundableQuantity()), units);
            refundedQuantity += units;
            if (wasHeld) {
                pendingRefundQuantity -= units;
            }
        }

        private void check(boolean holds, long units) {
            if (!holds || units < 1) {
                throw new IllegalStateException("Line " + id + " of " + quantity + " units (" + refundedQuantity
                        + " refunded, " + pendingRefundQuantity + " held) cannot take " + units + " more");
            }
        }

        long id() {
            return id;
        }

        long skuId() {
            return skuId;
        }

        long productId() {
            return productId;
        }

        String title() {
            return title;
        }

        Map<String, String> attributes() {
            return attributes;
        }

        long unitPriceMinor() {
            return unitPriceMinor;
        }

        long quantity() {
            return quantity;
        }

        long refundedQuantity() {
            return refundedQuantity;
        }

        long pendingRefundQuantity() {
            return pendingRefundQuantity;
        }

        long categoryId() {
            return categoryId;
        }

        int commissionBasisPoints() {
            return commissionBasisPoints;
        }
    }
}
