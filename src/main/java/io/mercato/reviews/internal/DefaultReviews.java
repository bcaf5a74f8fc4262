package io.mercato.reviews.internal;

import io.mercato.catalog.Catalog;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.reviews.ProductRating;
import io.mercato.reviews.Review;
import io.mercato.reviews.ReviewPosted;
import io.mercato.reviews.Reviews;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reviews in {@code reviews.reviews}; the order (read through ordering's facade) decides who may review what. */
@Service
class DefaultReviews implements Reviews {

    private final JdbcClient jdbc;
    private final OrderLifecycle orders;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DefaultReviews(JdbcClient jdbc, OrderLifecycle orders, Catalog catalog, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Review post(Actor buyer, long orderId, long lineId, int rating, String text) {
        buyer.require(Role.BUYER);
        if (rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", Text.of("reviews.ratingStarsGot", rating));
        }
        String body = text.strip();
        if (body.length() > MAX_TEXT) {
            throw new InvalidInputException("text", Text.of("reviews.reviewHoldsMostCharactersGot", MAX_TEXT, body.length()));
        }
        OrderView order = orders.order(buyer, orderId);
        if (order.buyerAccountId() != buyer.accountId()) {
            throw new io.mercato.platform.ForbiddenException(Text.of("reviews.orderNotYoursReview", orderId));
        }
        OrderView.Line line = order.lines().stream().filter(l -> l.id() == lineId).findFirst()
                .orElseThrow(() -> new InvalidInputException("lineId", Text.of("reviews.orderHasNoLineReview", orderId, lineId)));
        if (order.status() != OrderStatus.DELIVERED && order.status() != OrderStatus.COMPLETED) {
            throw new ConflictException(Text.of("reviews.orderProductCanReviewedOnce", orderId, order.status()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Long> id = jdbc.sql("""
                INSERT INTO reviews.reviews (buyer_account_id, order_id, order_line_id, product_id, sku_id, rating, body,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_line_id) DO NOTHING RETURNING id""")
                .params(buyer.accountId(), orderId, lineId, line.productId(), line.skuId(), rating, body,
                        Timestamp.from(now))
                .query(Long.class).optional();
        if (id.isEmpty()) {
            throw new ConflictException(Text.of("reviews.lineOrderReviewedAlreadyEach", lineId, orderId));
        }
        Review review = new Review(id.get(), buyer.accountId(), orderId, lineId, line.productId(), line.skuId(), rating,
                body, now);
        events.publishEvent(new ReviewPosted(review.id(), buyer.accountId(), line.productId(), orderId));
        return review;
    }

    @Override
    public List<Review> ofOrder(Actor actor, long orderId) {
        orders.order(actor, orderId);
        return jdbc.sql("SELECT * FROM reviews.reviews WHERE order_id = ? ORDER BY id").param(orderId)
                .query(DefaultReviews::review).list();
    }

    @Override
    public ProductRating ofProduct(long productId, int limit) {
        catalog.product(productId, null);
        record Summary(long count, int averageTenths) {
        }
        Summary summary = jdbc.sql("""
                SELECT count(*), coalesce(round(avg(rating) * 10), 0)::int FROM reviews.reviews WHERE product_id = ?""")
                .param(productId).query((rs, n) -> new Summary(rs.getLong(1), rs.getInt(2))).single();
        List<Review> latest = jdbc.sql("""
                SELECT * FROM reviews.reviews WHERE product_id = ? ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(productId, Math.max(0, Math.min(limit, 100))).query(DefaultReviews::review).list();
        return new ProductRating(productId, summary.count(), summary.averageTenths(), latest);
    }

    private static Review review(ResultSet rs, int n) throws SQLException {
        return new Review(rs.getLong("id"), rs.getLong("buyer_account_id"), rs.getLong("order_id"),
                rs.getLong("order_line_id"), rs.getLong("product_id"), rs.getLong("sku_id"), rs.getInt("rating"),
                rs.getString("body"), rs.getTimestamp("created_at").toInstant());
    }
}
