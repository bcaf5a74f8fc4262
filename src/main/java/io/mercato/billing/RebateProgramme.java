package io.mercato.billing;

import io.mercato.merchant.StoreKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A new-merchant rebate: {@code rebateBasisPoints} of the fees of orders paid within {@code days} of the store
 * opening are given back (netted from the fee at settlement), on at most {@code gmvCapMinor} of order value per
 * store. A programme has days, a cap, or both; without days it lasts until the cap is used up. One programme applies per order: the one that gives back most.
 *
 * @param storeKind the stores it is for; all kinds when null
 * @param endAt when it stops applying to newly paid orders; open-ended when null
 */
public record RebateProgramme(long id, String name, @Nullable StoreKind storeKind, int rebateBasisPoints, @Nullable Integer days,
        @Nullable Long gmvCapMinor, String currency, Instant effectiveFrom, @Nullable Instant endAt, String createdBy,
        Instant createdAt) {
}
