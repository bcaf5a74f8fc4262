package io.mercato.web.ops;

import io.mercato.catalog.Catalog;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.reviews.Review;
import io.mercato.reviews.ReviewPage;
import io.mercato.reviews.Reviews;
import io.mercato.web.common.Said;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's review moderation: every review, newest first, low ratings or hidden ones on request; hide, show. */
@Controller
final class OpsReviewsController {

    private static final int PAGE_SIZE = 25;

    private final Reviews reviews;
    private final Catalog catalog;

    OpsReviewsController(Reviews reviews, Catalog catalog) {
        this.reviews = reviews;
        this.catalog = catalog;
    }

    @GetMapping("/ops/reviews")
    String list(Actor operator, @RequestParam(defaultValue = "false") boolean hidden,
            @RequestParam(defaultValue = "0") int maxStars, @RequestParam(defaultValue = "0") int page, Model model) {
        int stars = Math.max(0, Math.min(maxStars, 5));
        ReviewPage found = reviews.forModeration(operator, hidden, stars, Math.max(0, Math.min(page, 10_000)), PAGE_SIZE);
        Map<Long, String> titles = new HashMap<>();
        for (Review review : found.items()) {
            titles.computeIfAbsent(review.productId(), id -> catalog.product(id, operator).title());
        }
        model.addAttribute("found", found);
        model.addAttribute("titles", titles);
        model.addAttribute("hidden", hidden);
        model.addAttribute("maxStars", stars);
        return "ops/reviews";
    }

    @PostMapping("/ops/reviews/{reviewId}/hide")
    String hide(Actor operator, @PathVariable long reviewId, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            reviews.hide(operator, reviewId, reason);
            redirect.addFlashAttribute("notice", "reviews.ops.hiddenDone");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/ops/reviews";
    }

    @PostMapping("/ops/reviews/{reviewId}/unhide")
    String unhide(Actor operator, @PathVariable long reviewId, RedirectAttributes redirect) {
        try {
            reviews.unhide(operator, reviewId);
            redirect.addFlashAttribute("notice", "reviews.ops.shownDone");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/ops/reviews?hidden=true";
    }
}
