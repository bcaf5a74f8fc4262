package io.mercato.billing;

import io.mercato.merchant.StoreKind;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fee terms of one store as they stand at {@code at}.
 *
 * @param serviceFee the service fee rule in force, if any
 * @param commissions the operator's commission rules that apply to the store (other categories pay their own
 *     commission rate, shown on the category)
 * @param upcoming versions that take effect later
 * @param rebates the rebate programmes the store's new orders earn now
 * @param rebateUntil when the last of its new-merchant windows closes (null when the programmes it earns have only a
 *     GMV cap)
 * @param membership the current membership year, for wholesale stores
 */
public record StoreTerms(long storeId, StoreKind storeKind, Instant at, boolean paysCategoryCommission,
        @Nullable FeeRule serviceFee, List<FeeRule> commissions, @Nullable FeeRule membershipRule,
        List<FeeRule> upcoming, List<RebateProgramme> rebates, @Nullable Instant rebateUntil,
        @Nullable Membership membership) {
}
