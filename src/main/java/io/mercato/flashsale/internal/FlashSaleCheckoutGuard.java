package io.mercato.flashsale.internal;

import io.mercato.ordering.Checkout;
import io.mercato.ordering.CheckoutGuard;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A SKU whose flash sale is running is sold through the sale only: an ordinary checkout of it would buy at the sale
 * price past the sale's quantity and limits. The one checkout let through is a claim's own order.
 */
@Component
class FlashSaleCheckoutGuard implements CheckoutGuard {

    private final Sales sales;
    private final Clock clock;

    FlashSaleCheckoutGuard(Sales sales, Clock clock) {
        this.sales = sales;
        this.clock = clock;
    }

    @Override
    public void check(Actor buyer, List<Checkout.Item> items, @Nullable String requestKey) {
        List<Sales.Row> running = sales.runningOn(items.stream().map(Checkout.Item::skuId).toList(), clock.instant());
        if (running.isEmpty()) {
            return;
        }
        if (items.size() == 1 && requestKey != null && requestKey.startsWith(ClaimOrders.KEY_PREFIX)) {
            try {
                long claimId = Long.parseLong(requestKey.substring(ClaimOrders.KEY_PREFIX.length()));
                Checkout.Item item = items.getFirst();
                if (sales.claimAwaitsOrder(claimId, buyer.accountId(), item.skuId(), item.quantity())) {
                    return;
                }
            } catch (NumberFormatException notAClaim) {
                // refused below
            }
        }
        Sales.Row sale = running.getFirst();
        throw new ConflictException(Text.of("flashsale.checkout.refused", sale.skuId(), sale.id()));
    }

    /** A claim's own order is priced at the moment the claim was won, inside the sale's window: the sale price. */
    @Override
    public Optional<Instant> pricedAt(Actor buyer, List<Checkout.Item> items, @Nullable String requestKey) {
        if (items.size() != 1 || requestKey == null || !requestKey.startsWith(ClaimOrders.KEY_PREFIX)) {
            return Optional.empty();
        }
        try {
            long claimId = Long.parseLong(requestKey.substring(ClaimOrders.KEY_PREFIX.length()));
            Checkout.Item item = items.getFirst();
            return sales.wonAt(claimId, buyer.accountId(), item.skuId(), item.quantity());
        } catch (NumberFormatException notAClaim) {
            return Optional.empty();
        }
    }
}
