package io.mercato.ordering;

import io.mercato.platform.Money;
import io.mercato.pricing.Presales.UnpaidRule;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A buyer's presale of one unit: the deposit paid (held in escrow, the unit reserved), then the final payment that
 * places and pays an order, or — when the final window passes unpaid — the deposit forfeited to the merchant or
 * refunded to the buyer by the offer's rule.
 *
 * @param deposit what the buyer paid during the presale window
 * @param worth what the deposit takes off the price at final payment
 * @param orderId the order the final payment placed, once paid
 */
public record Presale(long id, long offerId, long festivalId, long buyerAccountId, long storeId, long sellerAccountId,
        long skuId, long productId, String title, long quantity, Money deposit, Money worth, UnpaidRule unpaidRule,
        Instant finalFrom, Instant finalUntil, Status status, @Nullable Long orderId, Instant depositPaidAt,
        @Nullable Instant finalPaidAt, @Nullable Instant closedAt) {

    public enum Status { DEPOSIT_PAID, FINAL_PAID, FORFEITED, REFUNDED }

    /** Whether the buyer may pay the balance now. */
    public boolean finalOpen(Instant at) {
        return status == Status.DEPOSIT_PAID && !at.isBefore(finalFrom) && at.isBefore(finalUntil);
    }
}
