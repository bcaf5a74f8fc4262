package io.mercato.web.shop;

import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.RefundDesk;
import io.mercato.payment.PaymentProvider.PaymentDeclinedException;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import io.mercato.web.common.Said;
import io.mercato.web.common.Timeline;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The buyer's orders: the list by status, one order's timeline, and what the buyer may do with it. */
@Controller
final class BuyerOrdersController {

    private static final int PAGE_SIZE = 20;

    private final OrderLifecycle lifecycle;
    private final RefundDesk refunds;
    private final Stores stores;
    private final StoreNames storeNames;

    private final java.time.Clock clock;
    private final java.time.Duration returnWindow;

    BuyerOrdersController(OrderLifecycle lifecycle, RefundDesk refunds, Stores stores, StoreNames storeNames,
            java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${mercato.ordering.return-window:7d}") java.time.Duration returnWindow) {
        this.lifecycle = lifecycle;
        this.refunds = refunds;
        this.stores = stores;
        this.storeNames = storeNames;
        this.clock = clock;
        this.returnWindow = returnWindow;
    }

    @GetMapping("/orders")
    String orders(Actor buyer, @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        List<OrderView> orders = lifecycle.orders(buyer, status, null, null, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("orders", orders);
        model.addAttribute("storeNames", storeNames.of(orders));
        model.addAttribute("status", status);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("page", page);
        return "shop/orders";
    }

    @GetMapping("/orders/{orderId}")
    String order(Actor buyer, @PathVariable long orderId, Model model) {
        OrderView order = lifecycle.order(buyer, orderId);
        model.addAttribute("order", order);
        model.addAttribute("store", stores.get(order.storeId()));
        model.addAttribute("steps", Timeline.of(order));
        // A completed order may still be returned within the window after delivery (ordering decides; this only
        // decides whether to offer the form).
        java.time.Instant received = order.deliveredAt() != null ? order.deliveredAt() : order.completedAt();
        model.addAttribute("returnOpen", order.status() == io.mercato.ordering.OrderStatus.COMPLETED && received != null
                && clock.instant().isBefore(received.plus(returnWindow)));
        return "shop/order";
    }

    @PostMapping("/orders/{orderId}/{action}")
    String act(Actor buyer, @PathVariable long orderId, @PathVariable String action,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "payment" -> lifecycle.pay(buyer, orderId);
                case "cancellation" -> lifecycle.cancel(buyer, orderId, reason);
                case "receipt" -> lifecycle.confirmReceipt(buyer, orderId);
                case "refund" -> refunds.request(buyer, orderId, null, reason == null ? "" : reason);
                default -> throw new NotFoundException(Text.of("web.noSuchActionOrder", action));
            }
            redirect.addFlashAttribute("notice", "order.done." + action);
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException | PaymentDeclinedException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/orders/" + orderId;
    }
}
