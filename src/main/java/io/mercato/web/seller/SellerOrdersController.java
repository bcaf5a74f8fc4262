package io.mercato.web.seller;

import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Text;
import io.mercato.web.common.Said;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The seller's orders by status: shipping paid ones with carrier and tracking number, recording delivery. */
@Controller
final class SellerOrdersController {

    private final OrderLifecycle lifecycle;

    SellerOrdersController(OrderLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping("/seller/orders")
    String orders(Actor seller, @RequestParam(defaultValue = "PAID") OrderStatus status, Model model) {
        model.addAttribute("orders", lifecycle.orders(seller, status, null, null, 0, 100));
        model.addAttribute("status", status);
        model.addAttribute("statuses", OrderStatus.values());
        return "seller/orders";
    }

    @PostMapping("/seller/orders/{orderId}/shipment")
    String ship(Actor seller, @PathVariable long orderId, @RequestParam String carrier,
            @RequestParam String trackingNumber, RedirectAttributes redirect) {
        try {
            lifecycle.ship(seller, orderId, carrier, trackingNumber);
            redirect.addFlashAttribute("notice", "seller.shipped");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(Text.of("web.orderRefused", orderId, e.text())));
        }
        return "redirect:/seller/orders";
    }

    @PostMapping("/seller/orders/{orderId}/delivery")
    String delivered(Actor seller, @PathVariable long orderId, RedirectAttributes redirect) {
        try {
            lifecycle.markDelivered(seller, orderId);
            redirect.addFlashAttribute("notice", "seller.delivered");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(Text.of("web.orderRefused", orderId, e.text())));
        }
        return "redirect:/seller/orders?status=SHIPPED";
    }
}
