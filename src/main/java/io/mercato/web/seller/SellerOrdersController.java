package io.mercato.web.seller;

import io.mercato.http.Wording;
import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderSearch;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Text;
import io.mercato.web.common.Formats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import io.mercato.web.common.Said;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seller's orders, searched by status, date placed, buyer (email or account id), product (title or id) and order
 * number; shipping paid ones with carrier and tracking number, recording delivery, and packing slips to print.
 */
@Controller
final class SellerOrdersController {

    static final int PAGE_SIZE = 30;

    private final OrderLifecycle lifecycle;
    private final Accounts accounts;
    private final Formats formats;
    private final Wording wording;

    SellerOrdersController(OrderLifecycle lifecycle, Accounts accounts, Formats formats, Wording wording) {
        this.lifecycle = lifecycle;
        this.accounts = accounts;
        this.formats = formats;
        this.wording = wording;
    }

    @GetMapping("/seller/orders")
    String orders(Actor seller, @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(required = false) @Nullable String order,
            @RequestParam(required = false) @Nullable String buyer,
            @RequestParam(required = false) @Nullable String product,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        boolean searched = order != null || buyer != null || product != null || from != null || to != null;
        OrderStatus shown = status == null && !searched ? OrderStatus.PAID : status;
        Long orderId = number(order);
        Optional<Long> buyerId = buyerOf(buyer);
        OrderSearch.Found found;
        if ((order != null && !order.isBlank() && orderId == null) || buyerId == null) {
            found = new OrderSearch.Found(List.of(), 0, PAGE_SIZE, 0);
        } else {
            found = lifecycle.search(seller, new OrderSearch(orderId, shown, null, buyerId.orElse(null),
                    start(from), start(to == null ? null : to.plusDays(1)), product),
                    Math.min(Math.max(0, page), 100_000), PAGE_SIZE);
        }
        model.addAttribute("orders", found.items());
        model.addAttribute("found", found);
        model.addAttribute("buyers", names(found.items()));
        model.addAttribute("status", shown);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("order", order == null ? "" : order);
        model.addAttribute("buyer", buyer == null ? "" : buyer);
        model.addAttribute("product", product == null ? "" : product);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "seller/orders";
    }

    /** The buyer named by email or account id; empty when none was asked for, null when nobody matches. */
    private @Nullable Optional<Long> buyerOf(@Nullable String buyer) {
        if (buyer == null || buyer.isBlank()) {
            return Optional.empty();
        }
        String text = buyer.strip();
        Long id = number(text);
        if (id != null) {
            return Optional.of(id);
        }
        return accounts.findByEmail(text).map(Account::id).map(Optional::of).orElse(null);
    }

    private static @Nullable Long number(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String digits = text.strip().startsWith("#") ? text.strip().substring(1) : text.strip();
        return digits.matches("[0-9]{1,18}") ? Long.parseLong(digits) : null;
    }

    private @Nullable Instant start(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(formats.zone()).toInstant();
    }

    private Map<Long, String> names(List<OrderView> orders) {
        Map<Long, String> names = new HashMap<>();
        orders.forEach(o -> names.computeIfAbsent(o.buyerAccountId(),
                id -> accounts.find(id).map(Account::displayName).orElse("#" + id)));
        return names;
    }

    @GetMapping("/seller/orders/slips")
    String slips(Actor seller, @RequestParam List<Long> ids, Model model) {
        List<OrderView> orders = ids.stream().distinct().limit(100).map(id -> lifecycle.order(seller, id)).toList();
        model.addAttribute("orders", orders);
        model.addAttribute("buyers", names(orders));
        return "seller/slips";
    }

    @GetMapping("/seller/orders/{orderId}/slip")
    String slip(Actor seller, @PathVariable long orderId, Model model) {
        return slips(seller, List.of(orderId), model);
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
