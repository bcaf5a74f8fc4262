package io.mercato.ordering;

import io.mercato.platform.Actor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Lets another module refuse items of a checkout before anything is written (a SKU on a flash sale is sold through
 * the sale only, not at its sale price to whoever checks it out). Called inside the checkout's transaction, after
 * the items are validated and a repeated request key has been answered.
 */
public interface CheckoutGuard {

    /** @throws io.mercato.platform.DomainException to refuse the checkout */
    void check(Actor buyer, List<Checkout.Item> items, @Nullable String requestKey);

    /**
     * The moment whose prices this checkout keeps, when it is not now: a flash-sale claim won inside the sale's window
     * keeps the sale price although its order is placed after the window ended. Empty (the default): priced now.
     */
    default java.util.Optional<java.time.Instant> pricedAt(Actor buyer, List<Checkout.Item> items,
            @Nullable String requestKey) {
        return java.util.Optional.empty();
    }
}
