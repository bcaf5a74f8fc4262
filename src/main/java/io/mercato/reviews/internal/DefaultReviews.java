package io.mercato.reviews.internal;

import io.mercato.catalog.Catalog;
import io.mercato.media.ImageSize;
import io.mercato.media.Images;
import io.mercato.media.StoredImage;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.reviews.ProductRating;
import io.mercato.reviews.Review;
import io.mercato.reviews.ReviewDraft;
import io.mercato.reviews.ReviewPage;
import io.mercato.reviews.ReviewPosted;
import io.mercato.reviews.ReviewQuery;
import io.mercato.reviews.Reviews;
import io.mercato.reviews.StoreRating;
import io.mercato.reviews.StoreScores;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews in {@code reviews.reviews}; the order (read through ordering's facade) decides who may review what, the
 * store (merchant's facade) who may reply. Every public read filters {@code hidden_at IS NULL}.
 */
@Service
class DefaultReviews implements Reviews {

    private static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final OrderLifecycle orders;
    private final Catalog catalog;
    private final Stores stores;
    private final Images images;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DefaultReviews(JdbcClient jdbc, OrderLifecycle orders, Catalog catalog, Stores stores, Images images,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.catalog = catalog;
        this.stores = stores;
        this.images = images;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Review post(Actor buyer, long orderId, long lineId, int rating, String text) {
        return post(buyer, orderId, new ReviewDraft(lineId, rating, text, null, List.of()));
    }

    @Override
    @Transactional
    public Review post(Actor buyer, long orderId, ReviewDraft draft) {
        buyer.require(Role.BUYER);
        if (draft.rating() < 1 || draft.rating() > 5) {
            throw new InvalidInputException("rating", Text.of("reviews.ratingStarsGot", draft.rating()));
        }
        String body = checkedText("text", draft.text(), false);
        List<String> pictures = List.copyOf(new LinkedHashSet<>(draft.imageIds()));
        if (pictures.size() > MAX_PICTURES) {
            throw new InvalidInputException("images", Text.of("reviews.full.tooManyPictures", MAX_PICTURES, pictures.size()));
        }
        for (String id : pictures) {
            if (!id.matches("[0-9a-f]{64}") || images.find(id).isEmpty()) {
                throw new InvalidInputException("images", Text.of("reviews.full.noSuchPicture", id));
            }
        }
        OrderView order = orders.order(buyer, orderId);
        if (order.buyerAccountId() != buyer.accountId()) {
            throw new ForbiddenException(Text.of("reviews.orderNotYoursReview", orderId));
        }
        OrderView.Line line = order.lines().stream().filter(l -> l.id() == draft.lineId()).findFirst()
                .orElseThrow(() -> new InvalidInputException("lineId",
                        Text.of("reviews.orderHasNoLineReview", orderId, draft.lineId())));
        if (order.status() != OrderStatus.DELIVERED && order.status() != OrderStatus.COMPLETED) {
            throw new ConflictException(Text.of("reviews.orderProductCanReviewedOnce", orderId, order.status()));
        }
        StoreScores scores = draft.scores();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Long> id = jdbc.sql("""
                INSERT INTO reviews.reviews (buyer_account_id, order_id, order_line_id, product_id, sku_id, store_id,
                    rating, body, description_rating, service_rating, logistics_rating, images, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?)
                ON CONFLICT (order_line_id) DO NOTHING RETURNING id""")
                .params(buyer.accountId(), orderId, line.id(), line.productId(), line.skuId(), order.storeId(),
                        draft.rating(), body, scores == null ? null : scores.description(),
                        scores == null ? null : scores.service(), scores == null ? null : scores.logistics(),
                        pictures.toArray(String[]::new), Timestamp.from(now))
                .query(Long.class).optional();
        if (id.isEmpty()) {
            throw new ConflictException(Text.of("reviews.lineOrderReviewedAlreadyEach", line.id(), orderId));
        }
        events.publishEvent(new ReviewPosted(id.get(), buyer.accountId(), line.productId(), orderId));
        return load(id.get());
    }

    @Override
    @Transactional
    public Review followUp(Actor buyer, long reviewId, String text) {
        buyer.require(Role.BUYER);
        String body = checkedText("text", text, true);
        Review review = find(reviewId).filter(r -> r.buyerAccountId() == buyer.accountId())
                .orElseThrow(() -> new NotFoundException(Text.of("reviews.full.noSuchReview", reviewId)));
        int updated = jdbc.sql("""
                UPDATE reviews.reviews SET follow_up = ?, follow_up_at = ? WHERE id = ? AND follow_up IS NULL""")
                .params(body, Timestamp.from(now()), review.id()).update();
        if (updated == 0) {
            throw new ConflictException(Text.of("reviews.full.followedUpAlready", reviewId));
        }
        return load(reviewId);
    }

    @Override
    @Transactional
    public Review reply(Actor seller, long reviewId, String text) {
        seller.require(Role.SELLER);
        String body = checkedText("text", text, true);
        Review review = find(reviewId).orElseThrow(() -> new NotFoundException(Text.of("reviews.full.noSuchReview", reviewId)));
        if (review.storeId() == 0 || stores.ownedBy(seller.accountId()).stream().noneMatch(s -> s.id() == review.storeId())) {
            throw new NotFoundException(Text.of("reviews.full.noSuchReview", reviewId));
        }
        int updated = jdbc.sql("""
                UPDATE reviews.reviews SET reply = ?, reply_at = ?, replied_by = ? WHERE id = ? AND reply IS NULL""")
                .params(body, Timestamp.from(now()), seller.accountId(), reviewId).update();
        if (updated == 0) {
            throw new ConflictException(Text.of("reviews.full.repliedAlready", reviewId));
        }
        return load(reviewId);
    }

    @Override
    @Transactional
    public Review hide(Actor operator, long reviewId, String reason) {
        operator.require(Role.OPERATOR);
        String why = reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", Text.of("reviews.full.reasonLength", MAX_REASON));
        }
        find(reviewId).orElseThrow(() -> new NotFoundException(Text.of("reviews.full.noSuchReview", reviewId)));
        jdbc.sql("""
                UPDATE reviews.reviews SET hidden_at = ?, hidden_by = ?, hidden_reason = ?
                WHERE id = ? AND hidden_at IS NULL""")
                .params(Timestamp.from(now()), operator.accountId(), why, reviewId).update();
        return load(reviewId);
    }

    @Override
    @Transactional
    public Review unhide(Actor operator, long reviewId) {
        operator.require(Role.OPERATOR);
        find(reviewId).orElseThrow(() -> new NotFoundException(Text.of("reviews.full.noSuchReview", reviewId)));
        jdbc.sql("UPDATE reviews.reviews SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL WHERE id = ?")
                .param(reviewId).update();
        return load(reviewId);
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
        long[] byStars = new long[5];
        long[] withPictures = {0};
        jdbc.sql("""
                SELECT rating, count(*), count(*) FILTER (WHERE cardinality(images) > 0) FROM reviews.reviews
                WHERE product_id = ? AND hidden_at IS NULL GROUP BY rating""")
                .param(productId).query((RowCallbackHandler) rs -> {
                    byStars[rs.getInt(1) - 1] = rs.getLong(2);
                    withPictures[0] += rs.getLong(3);
                });
        long count = Arrays.stream(byStars).sum();
        long stars = 0;
        for (int i = 0; i < 5; i++) {
            stars += byStars[i] * (i + 1);
        }
        int averageTenths = count == 0 ? 0 : (int) ((stars * 20 + count) / (2 * count));
        List<Review> latest = jdbc.sql("""
                SELECT * FROM reviews.reviews WHERE product_id = ? AND hidden_at IS NULL
                ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(productId, Math.max(0, Math.min(limit, 100))).query(DefaultReviews::review).list();
        return new ProductRating(productId, count, averageTenths, latest, withPictures[0],
                Arrays.stream(byStars).boxed().toList());
    }

    @Override
    public ReviewPage ofProduct(long productId, ReviewQuery query) {
        checkPage(query.page(), query.size());
        if (query.stars() != null && (query.stars() < 1 || query.stars() > 5)) {
            throw new InvalidInputException("stars", Text.of("reviews.ratingStarsGot", query.stars()));
        }
        catalog.product(productId, null);
        String where = "product_id = :product AND hidden_at IS NULL"
                + (query.stars() == null ? "" : " AND rating = :stars")
                + (query.withPictures() ? " AND cardinality(images) > 0" : "");
        String order = switch (query.sort()) {
            case NEWEST -> "created_at DESC, id DESC";
            case HIGHEST -> "rating DESC, created_at DESC, id DESC";
            case LOWEST -> "rating ASC, created_at DESC, id DESC";
            case PICTURES -> "(cardinality(images) > 0) DESC, created_at DESC, id DESC";
        };
        Map<String, Object> params = new HashMap<>();
        params.put("product", productId);
        if (query.stars() != null) {
            params.put("stars", query.stars());
        }
        return page(where, order, params, query.page(), query.size());
    }

    @Override
    public StoreRating ofStore(long storeId) {
        return ofStores(List.of(storeId)).get(storeId);
    }

    @Override
    public Map<Long, StoreRating> ofStores(Collection<Long> storeIds) {
        Map<Long, StoreRating> ratings = new HashMap<>();
        if (!storeIds.isEmpty()) {
            jdbc.sql("""
                    SELECT store_id, count(*),
                           round(avg(description_rating) * 10)::int, round(avg(service_rating) * 10)::int,
                           round(avg(logistics_rating) * 10)::int
                    FROM reviews.reviews
                    WHERE store_id = ANY(?) AND hidden_at IS NULL AND description_rating IS NOT NULL
                    GROUP BY store_id""")
                    .param(storeIds.stream().mapToLong(Long::longValue).toArray())
                    .query((RowCallbackHandler) rs -> ratings.put(rs.getLong(1),
                            new StoreRating(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))));
        }
        for (long id : storeIds) {
            ratings.putIfAbsent(id, StoreRating.none(id));
        }
        return ratings;
    }

    @Override
    public ReviewPage forStore(Actor actor, long storeId, boolean unansweredOnly, int page, int size) {
        actor.require(Role.SELLER, Role.OPERATOR);
        checkPage(page, size);
        stores.requireManagedBy(actor, storeId);
        return page("store_id = :store" + (unansweredOnly ? " AND reply IS NULL" : ""), "created_at DESC, id DESC",
                Map.of("store", storeId), page, size);
    }

    @Override
    public ReviewPage forModeration(Actor operator, boolean hiddenOnly, int maxStars, int page, int size) {
        operator.require(Role.OPERATOR);
        checkPage(page, size);
        if (maxStars < 0 || maxStars > 5) {
            throw new InvalidInputException("maxStars", Text.of("reviews.ratingStarsGot", maxStars));
        }
        List<String> where = new ArrayList<>(List.of("TRUE"));
        if (hiddenOnly) {
            where.add("hidden_at IS NOT NULL");
        }
        if (maxStars > 0) {
            where.add("rating <= :maxStars");
        }
        return page(String.join(" AND ", where), "created_at DESC, id DESC", Map.of("maxStars", maxStars), page, size);
    }

    private ReviewPage page(String where, String order, Map<String, Object> params, int page, int size) {
        Map<String, Object> all = new HashMap<>(params);
        long total = jdbc.sql("SELECT count(*) FROM reviews.reviews WHERE " + where).params(all)
                .query(Long.class).single();
        all.put("limit", size);
        all.put("offset", (long) page * size);
        List<Review> items = jdbc.sql("SELECT * FROM reviews.reviews WHERE " + where + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset").params(all).query(DefaultReviews::review).list();
        return new ReviewPage(items, total, page, size);
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || page > 10_000) {
            throw new InvalidInputException("page", Text.of("reviews.full.pageRange", page));
        }
        if (size < 1 || size > 50) {
            throw new InvalidInputException("size", Text.of("reviews.full.sizeRange", size));
        }
    }

    private static String checkedText(String field, String text, boolean required) {
        String body = text.strip();
        if (body.length() > MAX_TEXT) {
            throw new InvalidInputException(field, Text.of("reviews.reviewHoldsMostCharactersGot", MAX_TEXT, body.length()));
        }
        if (required && body.isEmpty()) {
            throw new InvalidInputException(field, Text.of("reviews.full.textRequired"));
        }
        return body;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Optional<Review> find(long reviewId) {
        return jdbc.sql("SELECT * FROM reviews.reviews WHERE id = ?").param(reviewId).query(DefaultReviews::review)
                .optional();
    }

    private Review load(long reviewId) {
        return find(reviewId).orElseThrow();
    }

    private static Review review(ResultSet rs, int n) throws SQLException {
        int description = rs.getInt("description_rating");
        StoreScores scores = rs.wasNull() ? null
                : new StoreScores(description, rs.getInt("service_rating"), rs.getInt("logistics_rating"));
        Array array = rs.getArray("images");
        List<String> pictures = Arrays.stream((String[]) array.getArray())
                .map(id -> StoredImage.urlOf(id, ImageSize.MEDIUM)).toList();
        return new Review(rs.getLong("id"), rs.getLong("buyer_account_id"), rs.getLong("order_id"),
                rs.getLong("order_line_id"), rs.getLong("product_id"), rs.getLong("sku_id"), rs.getLong("store_id"),
                rs.getInt("rating"), rs.getString("body"), scores, pictures, rs.getString("follow_up"),
                instant(rs.getTimestamp("follow_up_at")), rs.getString("reply"), instant(rs.getTimestamp("reply_at")),
                rs.getTimestamp("hidden_at") != null, rs.getTimestamp("created_at").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
