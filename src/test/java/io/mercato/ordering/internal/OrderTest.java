package io.mercato.ordering.internal;

import io.mercato.ordering.OrderFees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mercato.merchant.StoreKind;
import io.mercato.ordering.Address;
import io.mercato.ordering.OrderEvents.OrderCancelled;
import io.mercato.ordering.OrderEvents.OrderCompleted;
import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.ordering.OrderEvents.RefundApproved;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.Refund.RefundStatus;
import io.mercato.ordering.Refund;
import io.mercato.ordering.RefundDesk.RefundItem;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order aggregate on its own: the state machine, who may move it, and the refund arithmetic. */
class OrderTest {

    static final Actor BUYER = new Actor(7, Role.BUYER);
    static final Actor SELLER = new Actor(3, Role.SELLER);
    static final Actor OPERATOR = new Actor(1, Role.OPERATOR);
    static final Instant T0 = Instant.parse("2026-11-11T00:00:00Z");
    static final RefundPolicy POLICY = new RefundPolicy(Duration.ofDays(7), Duration.ofHours(48));
    /** The fee ordering asks billing for, here 0.6% of the value kept, as the Taobao rule charges. */
    static final OrderFees FEES = new OrderFees() {
        @Override
        public Money charge(OrderFees.FeeBasis order) {
            return order.kept().basisPoints(60);
        }

        @Override
        public Money reverse(OrderFees.FeeBasis order, long refundId) {
            throw new UnsupportedOperationException("no refunds of settled orders here");
        }
    };

    static Money cny(long minor) {
        return new Money(minor, io.mercato.platform.Currencies.CNY);
    }

    final AtomicLong refundIds = new AtomicLong(100);

    /** Two lines: 2 × ¥12.50 and 1 × ¥30.00, ¥55.00 in all, from a Taobao store. */
    static Order placed() {
        Order order = Order.place(1, BUYER, 5, StoreKind.TAOBAO, SELLER.accountId(), io.mercato.platform.Currencies.CNY,
                List.of(new Order.NewLine(21, 11, "Tea", Map.of("size", "S"), 1250, 2, 9, 500),
                        new Order.NewLine(22, 12, "Cup", Map.of(), 3000, 1, 9, 500)),
                0, new Address("Li Lei", "13800138000", "1 Wensan Road", null, "Hangzhou", null, null, "CN"), T0,
                T0.plus(Duration.ofMinutes(30)));
        order.assignIds(42, List.of(420L, 421L));
        order.saved();
        return order;
    }

    Order in(OrderStatus status) {
        Order order = placed();
        switch (status) {
            case AWAITING_PAYMENT -> { }
            case PAID -> order.pay(BUYER, T0);
            case SHIPPED -> { order.pay(BUYER, T0); order.ship(SELLER, "SF", "SF123456", T0); }
            case DELIVERED -> { order.pay(BUYER, T0); order.ship(SELLER, "SF", "SF123456", T0); order.markDelivered(SELLER, T0); }
            case COMPLETED -> { order.pay(BUYER, T0); order.ship(SELLER, "SF", "SF123456", T0); order.confirmReceipt(BUYER, T0, FEES); }
            case CANCELLED -> order.cancel(BUYER, null, T0, refundIds::incrementAndGet);
            case REFUNDED -> { order.pay(BUYER, T0); order.cancel(BUYER, null, T0, refundIds::incrementAndGet); }
        }
        assertThat(order.status()).isEqualTo(status);
        order.releaseEvents();
        order.saved();
        return order;
    }

    /** Each action from each status: the status it leads to, or "refused" (a conflict naming the status). */
    @ParameterizedTest(name = "{1} on an order {0} → {2}")
    @CsvSource({
            "AWAITING_PAYMENT, pay, PAID", "AWAITING_PAYMENT, cancel, CANCELLED", "AWAITING_PAYMENT, ship, refused",
            "AWAITING_PAYMENT, deliver, refused", "AWAITING_PAYMENT, confirm, refused", "AWAITING_PAYMENT, refund, refused",
            "PAID, pay, refused", "PAID, cancel, REFUNDED", "PAID, ship, SHIPPED", "PAID, deliver, refused",
            "PAID, confirm, refused", "PAID, refund, REFUNDED",
            "SHIPPED, pay, refused", "SHIPPED, cancel, refused", "SHIPPED, ship, refused", "SHIPPED, deliver, DELIVERED",
            "SHIPPED, confirm, COMPLETED", "SHIPPED, refund, refused",
            "DELIVERED, pay, refused", "DELIVERED, cancel, refused", "DELIVERED, ship, refused",
            "DELIVERED, deliver, refused", "DELIVERED, confirm, COMPLETED", "DELIVERED, refund, DELIVERED",
            "COMPLETED, pay, refused", "COMPLETED, cancel, refused", "COMPLETED, ship, refused",
            "COMPLETED, deliver, refused", "COMPLETED, confirm, refused", "COMPLETED, refund, COMPLETED",
            "CANCELLED, pay, refused", "CANCELLED, cancel, refused", "CANCELLED, ship, refused",
            "CANCELLED, deliver, refused", "CANCELLED, confirm, refused", "CANCELLED, refund, refused",
            "REFUNDED, pay, refused", "REFUNDED, cancel, refused", "REFUNDED, ship, refused",
            "REFUNDED, deliver, refused", "REFUNDED, confirm, refused", "REFUNDED, refund, refused"})
    void theLifecycleAllowsExactlyTheseMoves(OrderStatus from, String action, String outcome) {
        Order order = in(from);
        Runnable move = switch (action) {
            case "pay" -> () -> order.pay(BUYER, T0);
            case "cancel" -> () -> order.cancel(BUYER, null, T0, refundIds::incrementAndGet);
            case "ship" -> () -> order.ship(SELLER, "SF", "SF123456", T0);
            case "deliver" -> () -> order.markDelivered(SELLER, T0);
            case "confirm" -> () -> order.confirmReceipt(BUYER, T0, FEES);
            case "refund" -> () -> order.requestRefund(BUYER, null, "broken", T0, POLICY, refundIds::incrementAndGet);
            default -> throw new IllegalArgumentException(action);
        };
        if (outcome.equals("refused")) {
            assertThatThrownBy(move::run).isInstanceOf(ConflictException.class).hasMessageFindingMatch("(?i)order 42")
                    .hasMessageNotContaining("Exception");
            assertThat(order.status()).isEqualTo(from);
            assertThat(order.releaseEvents()).isEmpty();
            assertThat(order.isChanged()).isFalse();
        } else {
            move.run();
            assertThat(order.status()).isEqualTo(OrderStatus.valueOf(outcome));
            if (!outcome.equals(from.name())) {
                assertThat(Order.ALLOWED.get(from)).contains(OrderStatus.valueOf(outcome));
            }
        }
    }

    @Test
    void onlyTheBuyerPaysCancelsAndConfirms() {
        Actor otherBuyer = new Actor(8, Role.BUYER);
        assertThatThrownBy(() -> in(OrderStatus.AWAITING_PAYMENT).pay(otherBuyer, T0)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> in(OrderStatus.AWAITING_PAYMENT).pay(SELLER, T0)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> in(OrderStatus.AWAITING_PAYMENT).pay(OPERATOR, T0)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> in(OrderStatus.PAID).cancel(otherBuyer, null, T0, refundIds::incrementAndGet))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> in(OrderStatus.SHIPPED).confirmReceipt(SELLER, T0, FEES)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void onlyTheSellerOrAnOperatorShipsAndRecordsDelivery() {
        assertThatThrownBy(() -> in(OrderStatus.PAID).ship(new Actor(4, Role.SELLER), "SF", "SF123456", T0))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> in(OrderStatus.PAID).ship(BUYER, "SF", "SF123456", T0)).isInstanceOf(ForbiddenException.class);
        Order order = in(OrderStatus.PAID);
        order.ship(OPERATOR, "SF", "SF123456", T0);
        order.markDelivered(OPERATOR, T0);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.view().history()).last().extracting(t -> t.actor()).isEqualTo("operator:1");
    }

    @Test
    void theSystemIsNeverTakenForTheBuyerOrTheSeller() {
        assertThatThrownBy(() -> in(OrderStatus.AWAITING_PAYMENT).pay(Actor.SYSTEM, T0)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void anOrderCannotBePaidAfterItsDeadline() {
        Order order = in(OrderStatus.AWAITING_PAYMENT);
        assertThatThrownBy(() -> order.pay(BUYER, T0.plus(Duration.ofMinutes(30))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("was not paid by");
        assertThat(order.expire(T0.plus(Duration.ofMinutes(30)), "not paid within 30 minutes")).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.releaseEvents()).containsExactly(new OrderCancelled(42, "not paid within 30 minutes"));
        assertThat(order.expire(T0, "again")).isFalse();
    }

    @Test
    void payingRaisesOrderPaidWithWhatWasBought() {
        Order order = in(OrderStatus.AWAITING_PAYMENT);
        order.pay(BUYER, T0);
        assertThat(order.releaseEvents()).singleElement().isInstanceOfSatisfying(OrderPaid.class, paid -> {
            assertThat(paid.total()).isEqualTo(cny(5500));
            assertThat(paid.lines()).extracting(line -> line.skuId() + "x" + line.quantity()).containsExactly("21x2", "22x1");
        });
        assertThat(order.newHistory()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
            assertThat(t.to()).isEqualTo(OrderStatus.PAID);
            assertThat(t.actor()).isEqualTo("buyer:7");
        });
    }

    @Test
    void aPartialRefundBeforeShipmentPaysBackItsLinesAndKeepsTheOrderOpen() {
        Order order = in(OrderStatus.PAID);
        Refund refund = order.requestRefund(BUYER, List.of(new RefundItem(420, 1)), "one too many", T0, POLICY,
                refundIds::incrementAndGet);
        assertThat(refund.status()).isEqualTo(RefundStatus.APPROVED);
        assertThat(refund.amountMinor()).isEqualTo(1250);
        assertThat(order.refunded().minor()).isEqualTo(1250);
        assertThat(order.escrow().minor()).isEqualTo(4250);
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.line(420).refundableQuantity()).isEqualTo(1);
        assertThat(order.releaseEvents()).containsExactly(new RefundApproved(refund.id(), 42, cny(1250)));
        assertThat(order.newHistory()).last().extracting(t -> t.note()).isEqualTo("refunded before shipment (12.50 CNY)");

        Refund rest = order.requestRefund(BUYER, null, "changed my mind", T0, POLICY, refundIds::incrementAndGet);
        assertThat(rest.amountMinor()).isEqualTo(4250);
        assertThat(rest.lines()).extracting(line -> line.lineId() + ":" + line.quantity()).containsExactly("420:1", "421:1");
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.refunded()).isEqualTo(order.total());
    }

    @Test
    void aRefundNamesOnlyUnitsThatAreLeft() {
        Order order = in(OrderStatus.PAID);
        assertThatThrownBy(() -> order.requestRefund(BUYER, List.of(new RefundItem(420, 3)), "x", T0, POLICY,
                refundIds::incrementAndGet)).isInstanceOf(ConflictException.class)
                .hasMessage("Line 420 of order 42 has 2 units left to refund, 3 requested");
        assertThatThrownBy(() -> order.requestRefund(BUYER, List.of(new RefundItem(420, 1), new RefundItem(420, 2)), "x", T0,
                POLICY, refundIds::incrementAndGet)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> order.requestRefund(BUYER, List.of(new RefundItem(999, 1)), "x", T0, POLICY,
                refundIds::incrementAndGet)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Line 999 is not a line of order 42");
        assertThatThrownBy(() -> order.requestRefund(BUYER, List.of(new RefundItem(420, 0)), "x", T0, POLICY,
                refundIds::incrementAndGet)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> order.requestRefund(BUYER, List.of(), "x", T0, POLICY, refundIds::incrementAndGet))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> order.requestRefund(BUYER, null, " ", T0, POLICY, refundIds::incrementAndGet))
                .isInstanceOf(InvalidInputException.class).hasMessage("Say why you want a refund");
        assertThat(order.refunded().minor()).isZero();
        assertThat(order.isChanged()).isFalse();
        assertThat(refundIds.get()).isEqualTo(100);
    }

    @Test
    void aReturnHoldsItsUnitsUntilTheSellerDecides() {
        Order order = in(OrderStatus.DELIVERED);
        Refund requested = order.requestRefund(BUYER, List.of(new RefundItem(421, 1)), "cracked", T0, POLICY,
                refundIds::incrementAndGet);
        assertThat(requested.status()).isEqualTo(RefundStatus.REQUESTED);
        assertThat(requested.decideBy()).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(order.line(421).refundableQuantity()).isZero();
        assertThatThrownBy(() -> order.confirmReceipt(BUYER, T0, FEES)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("awaiting a decision");
        assertThatThrownBy(() -> order.approveReturn(new Actor(4, Role.SELLER), requested.id(), null, T0))
                .isInstanceOf(ForbiddenException.class);

        Refund rejected = order.rejectReturn(SELLER, requested.id(), "not cracked on the photo", T0);
        assertThat(rejected.status()).isEqualTo(RefundStatus.REJECTED);
        assertThat(rejected.decidedBy()).isEqualTo("seller:3");
        assertThat(order.line(421).refundableQuantity()).isEqualTo(1);
        assertThatThrownBy(() -> order.approveReturn(SELLER, requested.id(), null, T0)).isInstanceOf(ConflictException.class)
                .hasMessage("Refund " + requested.id() + " was already rejected");

        Refund again = order.requestRefund(BUYER, null, "all of it", T0, POLICY, refundIds::incrementAndGet);
        order.releaseEvents();
        Refund approved = order.approveReturn(SELLER, again.id(), null, T0);
        assertThat(approved.decisionNote()).isEqualTo("approved");
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.line(420).pendingRefundQuantity()).isZero();
        assertThat(order.line(420).refundedQuantity()).isEqualTo(2);
        assertThat(order.releaseEvents()).containsExactly(new RefundApproved(again.id(), 42, cny(5500)));
    }

    @Test
    void anUndecidedReturnIsApprovedByThePlatformOnce() {
        Order order = in(OrderStatus.DELIVERED);
        Refund requested = order.requestRefund(BUYER, List.of(new RefundItem(420, 2)), "wrong size", T0, POLICY,
                refundIds::incrementAndGet);
        assertThat(order.approveOverdueReturn(requested.id(), T0)).get().satisfies(refund -> {
            assertThat(refund.status()).isEqualTo(RefundStatus.APPROVED);
            assertThat(refund.decidedBy()).isEqualTo("system");
        });
        assertThat(order.approveOverdueReturn(requested.id(), T0)).isEmpty();
        assertThat(order.refunded().minor()).isEqualTo(2500);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void completionChargesTheFeeOnWhatTheBuyerKept() {
        Order order = in(OrderStatus.DELIVERED);
        Refund requested = order.requestRefund(BUYER, List.of(new RefundItem(421, 1)), "cracked", T0, POLICY,
                refundIds::incrementAndGet);
        order.approveReturn(SELLER, requested.id(), "sorry", T0);
        order.releaseEvents();
        order.confirmReceipt(BUYER, T0, FEES);
        // Taobao: 0.6% of the ¥25.00 kept = ¥0.15.
        assertThat(order.fee().minor()).isEqualTo(15);
        assertThat(order.escrow().minor()).isEqualTo(2500);
        assertThat(order.releaseEvents()).containsExactly(new OrderCompleted(42, 5, cny(2500), cny(15)));
    }

    @Test
    void aCompletedOrderMayStillBeReturnedWithinTheWindowAfterDelivery() {
        Order order = in(OrderStatus.DELIVERED);
        order.confirmReceipt(BUYER, T0.plus(Duration.ofDays(1)), FEES);
        order.releaseEvents();
        Refund requested = order.requestRefund(BUYER, List.of(new RefundItem(421, 1)), "cracked",
                T0.plus(Duration.ofDays(2)), POLICY, refundIds::incrementAndGet);
        assertThat(requested.returnGoods()).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        order.approveReturn(SELLER, requested.id(), null, T0.plus(Duration.ofDays(3)));
        assertThat(order.refunded().minor()).isEqualTo(3000);
        assertThat(order.settled()).isTrue();
        Refund rest = order.requestRefund(BUYER, null, "all of it", T0.plus(Duration.ofDays(3)), POLICY,
                refundIds::incrementAndGet);
        order.approveReturn(SELLER, rest.id(), null, T0.plus(Duration.ofDays(3)));
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.settled()).as("its escrow was released, so refunds come from the seller").isTrue();
    }

    @Test
    void aCompletedOrderCannotBeReturnedOnceTheWindowClosed() {
        Order order = in(OrderStatus.DELIVERED);
        order.confirmReceipt(BUYER, T0, FEES);
        assertThatThrownBy(() -> order.requestRefund(BUYER, null, "late", T0.plus(Duration.ofDays(7)), POLICY,
                refundIds::incrementAndGet)).isInstanceOf(ConflictException.class).hasMessageContaining("returns closed");
    }

    @Test
    void shippingNeedsACarrierAndATrackingNumber() {
        Order order = in(OrderStatus.PAID);
        assertThatThrownBy(() -> order.ship(SELLER, " ", "SF123456", T0)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("carrier");
        assertThatThrownBy(() -> order.ship(SELLER, "SF", "12", T0)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("trackingNumber");
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void theViewShowsWhatTheTransitionsDid() {
        Order order = in(OrderStatus.SHIPPED);
        var view = order.view();
        assertThat(view.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(view.carrier()).isEqualTo("SF");
        assertThat(view.trackingNumber()).isEqualTo("SF123456");
        assertThat(view.history()).extracting(t -> t.to())
                .containsExactly(OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID, OrderStatus.SHIPPED);
        assertThat(view.lines()).extracting(line -> line.id()).containsExactly(420L, 421L);
    }
}
