package io.mercato.ordering;

import io.mercato.platform.Actor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns a cart into orders, one per store, each holding its stock until paid or cancelled. */
public interface Checkout {

    /**
     * Places one order per store for the items (or, when {@code items} is null, the whole cart), reserving
     * their stock; all or nothing.
     *
     * @throws io.mercato.platform.InvalidInputException naming the first bad item or address field
     * @throws io.mercato.platform.ConflictException when a SKU is not on sale or has too little stock
     */
    Placed place(Actor buyer, Address address, @Nullable List<Item> items);

    /**
     * As {@link #place(Actor, Address, List)}, once per {@code requestKey}: when the buyer already placed a
     * checkout with this key, that checkout is returned and nothing is placed again (a form submitted twice, a
     * retry). Checkouts of the cart are serialised per buyer, so two at once cannot both buy the cart.
     *
     * @throws io.mercato.platform.InvalidInputException when the key is blank or longer than 200 characters
     */
    Placed place(Actor buyer, Address address, @Nullable List<Item> items, @Nullable String requestKey);

    /**
     * As {@link #place(Actor, Address, List, String)}, priced by the pricing engine with these coupons (the other
     * overloads take the best combination of the buyer's coupons): each line stores its list price, its discounts
     * and what the buyer pays, and the coupons used are redeemed in the same transaction.
     *
     * @throws io.mercato.platform.InvalidInputException naming a coupon that is not the buyer's, expired or used
     * @throws io.mercato.platform.ConflictException when the coupons may not be combined or a threshold is not reached
     */
    Placed place(Actor buyer, Address address, @Nullable List<Item> items, @Nullable String requestKey,
            io.mercato.pricing.PriceQuotes.CouponChoice coupons);

    /** Pays every unpaid order of one checkout from the wallet, all or nothing. */
    List<OrderView> pay(Actor buyer, long checkoutId);

    /**
     * The orders of one of the buyer's checkouts, in the order they were placed.
     *
     * @throws io.mercato.platform.NotFoundException when there is no such checkout
     * @throws io.mercato.platform.ForbiddenException when it is someone else's
     */
    List<OrderView> orders(Actor buyer, long checkoutId);

    record Item(long skuId, long quantity) {
    }

    record Placed(long checkoutId, List<OrderView> orders) {
    }
}
