package io.mercato.membership.internal;

import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.ordering.OrderEvents.RefundApproved;
import io.mercato.reviews.ReviewPosted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Points follow payments, refunds and reviews inside the transaction that made them: one insert, booked exactly when
 * the source commits (a rolled-back payment earns nothing), with no publication to record and complete. Each award is
 * unique by its source, so a repeated event books nothing more.
 */
@Component
class PointsEvents {

    private final DefaultEngagementPoints points;

    PointsEvents(DefaultEngagementPoints points) {
        this.points = points;
    }

    @EventListener
    void on(OrderPaid event) {
        points.orderPaid(event.orderId(), event.buyerAccountId(), event.total());
    }

    @EventListener
    void on(RefundApproved event) {
        points.refunded(event.refundId(), event.orderId(), event.amount());
    }

    @EventListener
    void on(ReviewPosted event) {
        points.reviewed(event.reviewId(), event.buyerAccountId());
    }
}
