package io.mercato.billing;

import io.mercato.merchant.StoreKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A new version of a fee rule, as an operator enters it.
 *
 * @param effectiveFrom when it takes effect; now when null, never in the past
 */
public record NewFeeRule(@Nullable FeeRuleKind kind, @Nullable StoreKind storeKind, @Nullable Long categoryId,
        @Nullable Long storeId, @Nullable Integer rateBasisPoints, @Nullable Long amountMinor,
        @Nullable String currency, @Nullable Instant effectiveFrom, @Nullable String note) {
}
