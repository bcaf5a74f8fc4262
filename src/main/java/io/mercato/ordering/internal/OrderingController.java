package io.mercato.ordering.internal;

import io.mercato.ordering.Address;
import io.mercato.ordering.Cart.CartItem;
import io.mercato.ordering.Cart;
import io.mercato.ordering.Checkout;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.Refund;
import io.mercato.ordering.RefundDesk.RefundItem;
import io.mercato.ordering.RefundDesk;
import io.mercato.payment.Escrow;
import io.mercato.payment.Posting;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Orders", description = "Cart, checkout and the order lifecycle")
class OrderingController {

    private final Cart cart;
    private final Checkout checkout;
    private final OrderLifecycle lifecycle;
    private final RefundDesk refunds;
    private final OrderTimeouts timeouts;
    private final Escrow escrow;

    OrderingController(Cart cart, Checkout checkout, OrderLifecycle lifecycle, RefundDesk refunds,
            OrderTimeouts timeouts, Escrow escrow) {
        this.refunds = refunds;
        this.timeouts = timeouts;
        this.cart = cart;
        this.checkout = checkout;
        this.lifecycle = lifecycle;
        this.escrow = escrow;
    }

    record CartQuantity(@NotNull Long quantity) {
    }

    /**
     * @param couponIds the buyer's coupons to use; leave out to let the pricing engine choose the best combination
     * @param coupons BEST (the default without couponIds), NONE, or CHOSEN (the default with couponIds)
     */
    record CheckoutRequest(@NotNull Address address, @Nullable List<Checkout.Item> items,
            @Nullable List<Long> couponIds, @Nullable String coupons) {

        io.mercato.pricing.PriceQuotes.CouponChoice choice() {
            if (coupons == null || coupons.isBlank()) {
                return couponIds == null ? io.mercato.pricing.PriceQuotes.CouponChoice.BEST : chosen(couponIds);
            }
            return switch (coupons) {
                case "BEST" -> io.mercato.pricing.PriceQuotes.CouponChoice.BEST;
                case "NONE" -> io.mercato.pricing.PriceQuotes.CouponChoice.NONE;
                case "CHOSEN" -> chosen(couponIds == null ? List.of() : couponIds);
                default -> throw new io.mercato.platform.InvalidInputException("coupons",
                        Text.of("ordering.couponsBESTNONECHOSENGot", coupons));
            };
        }

        private static io.mercato.pricing.PriceQuotes.CouponChoice chosen(List<Long> ids) {
            if (ids.size() > 20 || ids.stream().anyMatch(java.util.Objects::isNull)) {
                throw new io.mercato.platform.InvalidInputException("couponIds", Text.of("ordering.nameMostCouponsNoneEmpty"));
            }
            return io.mercato.pricing.PriceQuotes.CouponChoice.chosen(ids);
        }
    }

    record Cancellation(@Nullable String reason) {
    }

    record Shipment(@NotBlank String carrier, @NotBlank String trackingNumber) {
    }

    record RefundRequest(@Nullable List<RefundItem> items, @NotBlank String reason) {
    }

    record Decision(@Nullable String note) {
    }

    @GetMapping("/cart")
    List<CartItem> cart(Actor buyer) {
        return cart.items(buyer);
    }

    @PutMapping("/cart/items/{skuId}")
    List<CartItem> putInCart(@PathVariable long skuId, @Valid @RequestBody CartQuantity request, Actor buyer) {
        return cart.put(buyer, skuId, request.quantity());
    }

    @DeleteMapping("/cart/items/{skuId}")
    List<CartItem> removeFromCart(@PathVariable long skuId, Actor buyer) {
        return cart.remove(buyer, skuId);
    }

    @PostMapping("/checkouts")
    @ResponseStatus(HttpStatus.CREATED)
    Checkout.Placed checkout(@Valid @RequestBody CheckoutRequest request, Actor buyer) {
        return checkout.place(buyer, request.address(), request.items(), null, request.choice());
    }

    @PostMapping("/checkouts/{checkoutId}/payment")
    List<OrderView> payCheckout(@PathVariable long checkoutId, Actor buyer) {
        return checkout.pay(buyer, checkoutId);
    }

    @GetMapping("/orders")
    List<OrderView> orders(@RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(required = false) @Nullable Long storeId,
            @RequestParam(required = false) @Nullable Long buyerId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
        return lifecycle.orders(actor, status, storeId, buyerId, page, size);
    }

    @GetMapping("/orders/{orderId}")
    OrderView order(@PathVariable long orderId, Actor actor) {
        return lifecycle.order(actor, orderId);
    }

    /** Every ledger posting that moved this order's money. */
    @GetMapping("/orders/{orderId}/postings")
    List<Posting> postings(@PathVariable long orderId, Actor actor) {
        OrderView order = lifecycle.order(actor, orderId);
        return escrow.postingsOf(order.id());
    }

    @PostMapping("/orders/{orderId}/payment")
    OrderView pay(@PathVariable long orderId, Actor buyer) {
        return lifecycle.pay(buyer, orderId);
    }

    @PostMapping("/orders/{orderId}/cancellation")
    OrderView cancel(@PathVariable long orderId, @RequestBody(required = false) @Nullable Cancellation request, Actor buyer) {
        return lifecycle.cancel(buyer, orderId, request == null ? null : request.reason());
    }

    @PostMapping("/orders/{orderId}/shipment")
    OrderView ship(@PathVariable long orderId, @Valid @RequestBody Shipment request, Actor seller) {
        return lifecycle.ship(seller, orderId, request.carrier(), request.trackingNumber());
    }

    @PostMapping("/orders/{orderId}/delivery")
    OrderView delivered(@PathVariable long orderId, Actor actor) {
        return lifecycle.markDelivered(actor, orderId);
    }

    @PostMapping("/orders/{orderId}/receipt-confirmation")
    OrderView confirm(@PathVariable long orderId, Actor buyer) {
        return lifecycle.confirmReceipt(buyer, orderId);
    }

    @PostMapping("/orders/{orderId}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    Refund requestRefund(@PathVariable long orderId, @Valid @RequestBody RefundRequest request, Actor buyer) {
        return refunds.request(buyer, orderId, request.items(), request.reason());
    }

    @PostMapping("/refunds/{refundId}/approval")
    Refund approve(@PathVariable long refundId, @RequestBody(required = false) @Nullable Decision decision, Actor actor) {
        return refunds.approve(actor, refundId, decision == null ? null : decision.note());
    }

    @PostMapping("/refunds/{refundId}/rejection")
    Refund reject(@PathVariable long refundId, @RequestBody Decision decision, Actor actor) {
        return refunds.reject(actor, refundId, decision.note() == null ? "" : decision.note());
    }

    /** Runs the lifecycle timers now; operators use it after changing the clock-driven settings. */
    @PostMapping("/operator/order-timers")
    int runTimers(Actor actor) {
        actor.require(Role.OPERATOR);
        return timeouts.run();
    }
}
