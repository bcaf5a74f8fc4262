package io.mercato.web.common;

import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The steps an order page shows: placed, paid, shipped (with tracking), delivered, completed; each done or not. */
public record Timeline(String key, @Nullable Instant at, boolean done, @Nullable String detail) {

    public static List<Timeline> of(OrderView order) {
        List<Timeline> steps = new ArrayList<>();
        steps.add(new Timeline("placed", order.placedAt(), true, null));
        if (order.status() == OrderStatus.CANCELLED) {
            steps.add(new Timeline("cancelled", order.closedAt(), true, null));
            return steps;
        }
        steps.add(new Timeline("paid", order.paidAt(), order.paidAt() != null, null));
        steps.add(new Timeline("shipped", order.shippedAt(), order.shippedAt() != null,
                order.trackingNumber() == null ? null : order.carrier() + " · " + order.trackingNumber()));
        steps.add(new Timeline("delivered", order.deliveredAt(), order.deliveredAt() != null, null));
        steps.add(new Timeline("completed", order.completedAt(), order.completedAt() != null, null));
        if (order.status() == OrderStatus.REFUNDED) {
            steps.add(new Timeline("refunded", order.closedAt(), true, null));
        }
        return steps;
    }
}
