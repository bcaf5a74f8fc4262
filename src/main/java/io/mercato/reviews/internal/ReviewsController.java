package io.mercato.reviews.internal;

import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.reviews.ProductRating;
import io.mercato.reviews.Review;
import io.mercato.reviews.ReviewDraft;
import io.mercato.reviews.ReviewPage;
import io.mercato.reviews.ReviewQuery;
import io.mercato.reviews.ReviewSort;
import io.mercato.reviews.Reviews;
import io.mercato.reviews.StoreRating;
import io.mercato.reviews.StoreScores;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reviews", description = "Buyers' reviews of products they bought, follow-ups, sellers' replies, store "
        + "ratings, moderation")
class ReviewsController {

    private final Reviews reviews;

    ReviewsController(Reviews reviews) {
        this.reviews = reviews;
    }

    /**
     * @param text optional; at most {@link Reviews#MAX_TEXT} characters
     * @param description the store's "item as described" rating, 1–5; with {@code service} and {@code logistics},
     *     all three or none
     * @param images ids of pictures uploaded through {@code POST /api/v1/media/images}
     */
    record NewReview(@Nullable Long lineId, @Nullable Integer rating, @Nullable String text,
            @Nullable Integer description, @Nullable Integer service, @Nullable Integer logistics,
            @Nullable List<String> images) {
    }

    record Words(@Nullable String text) {
    }

    record Hiding(@Nullable String reason) {
    }

    @PostMapping("/orders/{orderId}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    Review post(@PathVariable long orderId, @RequestBody NewReview review, Actor buyer) {
        if (review.lineId() == null) {
            throw new InvalidInputException("lineId", Text.of("reviews.nameOrderLineReview"));
        }
        if (review.rating() == null) {
            throw new InvalidInputException("rating", Text.of("reviews.giveRatingStars"));
        }
        return reviews.post(buyer, orderId, new ReviewDraft(review.lineId(), review.rating(),
                review.text() == null ? "" : review.text(), scores(review),
                review.images() == null ? List.of() : review.images()));
    }

    static @Nullable StoreScores scores(NewReview review) {
        Integer[] given = {review.description(), review.service(), review.logistics()};
        String[] fields = {"description", "service", "logistics"};
        int present = 0;
        for (int i = 0; i < 3; i++) {
            if (given[i] != null) {
                present++;
                if (given[i] < 1 || given[i] > 5) {
                    throw new InvalidInputException(fields[i], Text.of("reviews.ratingStarsGot", given[i]));
                }
            }
        }
        if (present == 0) {
            return null;
        }
        for (int i = 0; i < 3; i++) {
            if (given[i] == null) {
                throw new InvalidInputException(fields[i], Text.of("reviews.full.allThreeScores"));
            }
        }
        return new StoreScores(given[0], given[1], given[2]);
    }

    @GetMapping("/orders/{orderId}/reviews")
    List<Review> ofOrder(@PathVariable long orderId, Actor actor) {
        return reviews.ofOrder(actor, orderId);
    }

    @GetMapping("/products/{productId}/reviews")
    ProductRating ofProduct(@PathVariable long productId, @RequestParam(defaultValue = "10") int limit) {
        if (limit < 0 || limit > 100) {
            throw new InvalidInputException("limit", Text.of("reviews.askReviewsNot", limit));
        }
        return reviews.ofProduct(productId, limit);
    }

    /** A page of the product's reviews: {@code sort} NEWEST, HIGHEST, LOWEST or PICTURES; {@code stars} 1–5. */
    @GetMapping("/products/{productId}/reviews/page")
    ReviewPage page(@PathVariable long productId, @RequestParam(defaultValue = "NEWEST") String sort,
            @RequestParam(required = false) @Nullable Integer stars,
            @RequestParam(defaultValue = "false") boolean pictures, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "10") int size) {
        return reviews.ofProduct(productId, new ReviewQuery(sort(sort), stars, pictures, page, size));
    }

    static ReviewSort sort(String sort) {
        try {
            return ReviewSort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sort", Text.of("reviews.full.unknownSort", sort));
        }
    }

    @GetMapping("/stores/{storeId}/rating")
    StoreRating storeRating(@PathVariable long storeId) {
        return reviews.ofStore(storeId);
    }

    @GetMapping("/stores/{storeId}/reviews")
    ReviewPage ofStore(@PathVariable long storeId, @RequestParam(defaultValue = "false") boolean unanswered,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
        return reviews.forStore(actor, storeId, unanswered, page, size);
    }

    @GetMapping("/reviews")
    ReviewPage moderation(@RequestParam(defaultValue = "false") boolean hidden,
            @RequestParam(defaultValue = "0") int maxStars, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Actor operator) {
        return reviews.forModeration(operator, hidden, maxStars, page, size);
    }

    @PostMapping("/reviews/{reviewId}/follow-up")
    Review followUp(@PathVariable long reviewId, @RequestBody Words words, Actor buyer) {
        return reviews.followUp(buyer, reviewId, words.text() == null ? "" : words.text());
    }

    @PostMapping("/reviews/{reviewId}/reply")
    Review reply(@PathVariable long reviewId, @RequestBody Words words, Actor seller) {
        return reviews.reply(seller, reviewId, words.text() == null ? "" : words.text());
    }

    @PostMapping("/reviews/{reviewId}/hide")
    Review hide(@PathVariable long reviewId, @RequestBody Hiding hiding, Actor operator) {
        return reviews.hide(operator, reviewId, hiding.reason() == null ? "" : hiding.reason());
    }

    @PostMapping("/reviews/{reviewId}/unhide")
    Review unhide(@PathVariable long reviewId, Actor operator) {
        return reviews.unhide(operator, reviewId);
    }
}
