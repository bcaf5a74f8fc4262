package io.mercato.web.shop;

import io.mercato.media.Images;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.reviews.Review;
import io.mercato.reviews.ReviewDraft;
import io.mercato.reviews.ReviewQuery;
import io.mercato.reviews.ReviewSort;
import io.mercato.reviews.Reviews;
import io.mercato.reviews.StoreScores;
import io.mercato.web.common.Said;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reviews in the shop: the panel on the buyer's order page (a form per line once delivered with stars, text,
 * pictures and the store's three ratings; a follow-up form under each review given) and the panel on the product
 * page (average, counts per star, the reviews sorted and filtered), each loaded into its page by htmx.
 */
@Controller
final class ReviewPagesController {

    private static final int PAGE_SIZE = 10;

    private final Reviews reviews;
    private final OrderLifecycle orders;
    private final Images images;

    ReviewPagesController(Reviews reviews, OrderLifecycle orders, Images images) {
        this.reviews = reviews;
        this.orders = orders;
        this.images = images;
    }

    @GetMapping("/orders/{orderId}/reviews")
    String orderPanel(Actor buyer, @PathVariable long orderId, Model model) {
        OrderView order = orders.order(buyer, orderId);
        Map<Long, Review> byLine = reviews.ofOrder(buyer, orderId).stream()
                .collect(Collectors.toMap(Review::orderLineId, Function.identity()));
        model.addAttribute("order", order);
        model.addAttribute("byLine", byLine);
        model.addAttribute("open", order.buyerAccountId() == buyer.accountId()
                && (order.status() == OrderStatus.DELIVERED || order.status() == OrderStatus.COMPLETED));
        return "shop/reviews :: order-panel";
    }

    @PostMapping("/orders/{orderId}/reviews")
    String post(Actor buyer, @PathVariable long orderId, @RequestParam long lineId,
            @RequestParam(required = false) @Nullable Integer rating,
            @RequestParam(required = false) @Nullable Integer description,
            @RequestParam(required = false) @Nullable Integer service,
            @RequestParam(required = false) @Nullable Integer logistics,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "pictures", required = false) @Nullable List<MultipartFile> pictures,
            RedirectAttributes redirect) {
        try {
            if (rating == null) {
                throw new InvalidInputException("rating", Text.of("web.chooseRating"));
            }
            StoreScores scores = null;
            if (description != null || service != null || logistics != null) {
                if (description == null || service == null || logistics == null) {
                    throw new InvalidInputException("description", Text.of("reviews.full.allThreeScores"));
                }
                for (int score : new int[] {description, service, logistics}) {
                    if (score < 1 || score > 5) {
                        throw new InvalidInputException("description", Text.of("reviews.ratingStarsGot", score));
                    }
                }
                scores = new StoreScores(description, service, logistics);
            }
            reviews.post(buyer, orderId, new ReviewDraft(lineId, rating, text, scores, upload(buyer, pictures)));
            redirect.addFlashAttribute("notice", "reviews.posted");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/orders/" + orderId;
    }

    private List<String> upload(Actor buyer, @Nullable List<MultipartFile> pictures) {
        List<String> ids = new ArrayList<>();
        if (pictures == null) {
            return ids;
        }
        List<MultipartFile> given = pictures.stream().filter(p -> !p.isEmpty()).toList();
        if (given.size() > Reviews.MAX_PICTURES) {
            throw new InvalidInputException("images",
                    Text.of("reviews.full.tooManyPictures", Reviews.MAX_PICTURES, given.size()));
        }
        for (MultipartFile picture : given) {
            try {
                ids.add(images.upload(buyer, picture.getBytes()).id());
            } catch (IOException e) {
                throw new InvalidInputException("images", Text.of("reviews.full.pictureUnreadable"));
            }
        }
        return ids;
    }

    @PostMapping("/orders/{orderId}/reviews/{reviewId}/follow-up")
    String followUp(Actor buyer, @PathVariable long orderId, @PathVariable long reviewId,
            @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        try {
            reviews.followUp(buyer, reviewId, text);
            redirect.addFlashAttribute("notice", "reviews.full.followUpPosted");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/orders/" + orderId;
    }

    @GetMapping("/p/{productId}/reviews")
    String productPanel(@PathVariable long productId, @RequestParam(defaultValue = "NEWEST") String sort,
            @RequestParam(required = false) @Nullable Integer stars,
            @RequestParam(defaultValue = "false") boolean pictures, @RequestParam(defaultValue = "0") int page,
            Model model) {
        ReviewSort chosen = sortOf(sort);
        Integer starFilter = stars != null && stars >= 1 && stars <= 5 ? stars : null;
        model.addAttribute("rating", reviews.ofProduct(productId, 0));
        model.addAttribute("reviewPage", reviews.ofProduct(productId,
                new ReviewQuery(chosen, starFilter, pictures, Math.max(0, Math.min(page, 10_000)), PAGE_SIZE)));
        model.addAttribute("productId", productId);
        model.addAttribute("sort", chosen.name());
        model.addAttribute("sorts", ReviewSort.values());
        model.addAttribute("stars", starFilter);
        model.addAttribute("pictures", pictures);
        return "shop/reviews :: product-panel";
    }

    private static ReviewSort sortOf(String sort) {
        for (ReviewSort candidate : ReviewSort.values()) {
            if (candidate.name().equalsIgnoreCase(sort.strip())) {
                return candidate;
            }
        }
        return ReviewSort.NEWEST;
    }
}
