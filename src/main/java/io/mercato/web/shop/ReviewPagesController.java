package io.mercato.web.shop;

import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.reviews.Review;
import io.mercato.reviews.Reviews;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reviews in the shop: the panel on the buyer's order page (a form per line once delivered, the reviews given) and
 * the panel on the product page (average rating, count, latest reviews), each loaded into its page by htmx.
 */
@Controller
final class ReviewPagesController {

    private final Reviews reviews;
    private final OrderLifecycle orders;
    private final MessageSource messages;

    ReviewPagesController(Reviews reviews, OrderLifecycle orders, MessageSource messages) {
        this.messages = messages;
        this.reviews = reviews;
        this.orders = orders;
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
            @RequestParam(required = false) @Nullable Integer rating, @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        try {
            if (rating == null) {
                throw new InvalidInputException("rating", Text.of("web.chooseRating"));
            }
            reviews.post(buyer, orderId, lineId, rating, text);
            redirect.addFlashAttribute("notice", "reviews.posted");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", text("reviews.error." + switch (e.field()) {
                case "rating", "text" -> e.field();
                default -> "line";
            }));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", text("reviews.error.conflict"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", text("reviews.error.refused"));
        }
        return "redirect:/orders/" + orderId;
    }

    @GetMapping("/p/{productId}/reviews")
    String productPanel(@PathVariable long productId, Model model) {
        model.addAttribute("rating", reviews.ofProduct(productId, 5));
        return "shop/reviews :: product-panel";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
