package io.mercato.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.internal.RefundPolicy.Route;
import io.mercato.platform.ConflictException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may ask for money back when: at once before shipment, as a return within the window after delivery. */
class RefundPolicyTest {

    static final Instant DELIVERED = Instant.parse("2026-11-12T10:00:00Z");
    final RefundPolicy policy = new RefundPolicy(Duration.ofDays(7), Duration.ofHours(48));

    @Test
    void beforeShipmentTheRefundIsImmediate() {
        assertThat(policy.route(1, OrderStatus.PAID, null, DELIVERED)).isEqualTo(Route.IMMEDIATE);
    }

    @Test
    void afterDeliveryItIsAReturnUntilTheWindowCloses() {
        assertThat(policy.route(1, OrderStatus.DELIVERED, DELIVERED, DELIVERED)).isEqualTo(Route.RETURN);
        assertThat(policy.route(1, OrderStatus.DELIVERED, DELIVERED, DELIVERED.plus(Duration.ofDays(7)).minusNanos(1000)))
                .isEqualTo(Route.RETURN);
        assertThatThrownBy(() -> policy.route(1, OrderStatus.DELIVERED, DELIVERED, DELIVERED.plus(Duration.ofDays(7))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("returns closed on 2026-11-19T10:00:00Z");
    }

    @Test
    void onTheWayTheBuyerIsToldToWaitForDelivery() {
        assertThatThrownBy(() -> policy.route(5, OrderStatus.SHIPPED, null, DELIVERED))
                .isInstanceOf(ConflictException.class).hasMessage("Order 5 is on its way; ask for a return once it is delivered");
    }

    @Test
    void aCompletedOrderIsStillAReturnWithinTheWindowAfterDelivery() {
        assertThat(policy.route(1, OrderStatus.COMPLETED, DELIVERED, DELIVERED.plus(Duration.ofDays(3))))
                .isEqualTo(Route.RETURN);
        assertThatThrownBy(() -> policy.route(1, OrderStatus.COMPLETED, DELIVERED, DELIVERED.plus(Duration.ofDays(7))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("returns closed on 2026-11-19T10:00:00Z");
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"AWAITING_PAYMENT", "CANCELLED", "REFUNDED"})
    void unpaidAndClosedOrdersHaveNothingToRefund(OrderStatus status) {
        assertThatThrownBy(() -> policy.route(5, status, DELIVERED, DELIVERED)).isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Cannot refund order 5: it is ");
    }

    @Test
    void theSellerHasTheDecisionTimeoutToDecide() {
        assertThat(policy.decideBy(DELIVERED)).isEqualTo(DELIVERED.plus(Duration.ofHours(48)));
    }
}
