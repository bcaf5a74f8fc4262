package io.mercato.reviews.internal;

import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.reviews.ProductRating;
import io.mercato.reviews.Review;
import io.mercato.reviews.Reviews;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
@Tag(name = "Reviews", description = "Buyers' reviews of products they bought; ratings on product pages")
class ReviewsController {

    private final Reviews reviews;

    ReviewsController(Reviews reviews) {
        this.reviews = reviews;
    }

    /** @param text optional; at most {@link Reviews#MAX_TEXT} characters */
    record NewReview(@Nullable Long lineId, @Nullable Integer rating, @Nullable String text) {
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
        return reviews.post(buyer, orderId, review.lineId(), review.rating(), review.text() == null ? "" : review.text());
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
}
