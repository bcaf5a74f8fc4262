package io.mercato.web.seller;

import io.mercato.catalog.Catalog;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.reviews.Review;
import io.mercato.reviews.ReviewPage;
import io.mercato.reviews.Reviews;
import io.mercato.web.common.Said;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The seller's reviews: every review of one of their stores, newest first, each with its reply or a form to reply. */
@Controller
final class SellerReviewsController {

    private static final int PAGE_SIZE = 20;

    private final Reviews reviews;
    private final CurrentStore currentStore;
    private final Stores stores;
    private final Catalog catalog;

    SellerReviewsController(Reviews reviews, CurrentStore currentStore, Stores stores, Catalog catalog) {
        this.reviews = reviews;
        this.currentStore = currentStore;
        this.stores = stores;
        this.catalog = catalog;
    }

    @GetMapping("/seller/reviews")
    String list(Actor seller, @RequestParam(required = false) @Nullable Long store,
            @RequestParam(defaultValue = "false") boolean unanswered, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Store current = currentStore.of(seller, store);
        ReviewPage found = reviews.forStore(seller, current.id(), unanswered, Math.max(0, Math.min(page, 10_000)),
                PAGE_SIZE);
        Map<Long, String> titles = new HashMap<>();
        for (Review review : found.items()) {
            titles.computeIfAbsent(review.productId(), id -> catalog.product(id, seller).title());
        }
        model.addAttribute("store", current);
        model.addAttribute("myStores", stores.ownedBy(seller.accountId()));
        model.addAttribute("storeRating", reviews.ofStore(current.id()));
        model.addAttribute("found", found);
        model.addAttribute("titles", titles);
        model.addAttribute("unanswered", unanswered);
        return "seller/reviews";
    }

    @PostMapping("/seller/reviews/{reviewId}/reply")
    String reply(Actor seller, @PathVariable long reviewId, @RequestParam long store,
            @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        try {
            reviews.reply(seller, reviewId, text);
            redirect.addFlashAttribute("notice", "reviews.seller.replied");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/seller/reviews?store=" + store;
    }
}
