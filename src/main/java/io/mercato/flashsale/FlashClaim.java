package io.mercato.flashsale;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A winning attempt: the units are the buyer's once this exists. Its order (awaiting payment) is placed moments
 * later from the claim; {@code orderId} is null until then.
 */
public record FlashClaim(long id, long saleId, long buyerAccountId, long quantity, Status status,
        @Nullable Long orderId, Instant claimedAt) {

    public enum Status {
        /** The units are held; the order is being placed. */
        WON,
        /** The order awaits payment (or was paid). */
        ORDERED,
        /** The order was not paid in time or was cancelled: the units went back on sale. */
        RETURNED,
        /** The order could not be placed (the SKU was delisted, its stock taken): the units went back on sale. */
        FAILED
    }
}
