package io.mercato.billing;

import io.mercato.merchant.StoreKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One version of a fee rule. A rule is its kind and scope (store kind, category, store); its versions follow one
 * another by {@code effectiveFrom}, and an order pays the version in force when it was paid. Versions are never
 * changed: a new rate is a new version from a future date.
 *
 * @param rateBasisPoints the rate, in hundredths of a percent (service fees and commissions)
 * @param amountMinor the annual fee (memberships), in {@code currency}
 */
public record FeeRule(long id, FeeRuleKind kind, @Nullable StoreKind storeKind, @Nullable Long categoryId,
        @Nullable Long storeId, @Nullable Integer rateBasisPoints, @Nullable Long amountMinor, @Nullable String currency,
        Instant effectiveFrom, String note, String createdBy, Instant createdAt) {
}
