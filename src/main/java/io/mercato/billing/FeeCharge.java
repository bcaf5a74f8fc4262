package io.mercato.billing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One fee booked on an order: a {@code CHARGE} per rule (and line, for commissions) when it completed, a
 * {@code REBATE} (negative), and after a refund of a settled order the {@code REVERSAL} of each. An order's charges
 * sum to what fee revenue holds of it on the ledger.
 *
 * @param ruleKind {@code SERVICE_FEE}, {@code COMMISSION} (an operator's rule), {@code CATEGORY_COMMISSION} (the
 *     category's own rate) or {@code REBATE}
 * @param ruleId the fee rule version or rebate programme; null for a category's own rate
 */
public record FeeCharge(long id, long orderId, @Nullable Long refundId, long storeId, long sellerAccountId,
        String entry, String ruleKind, @Nullable Long ruleId, @Nullable Long lineId, int rateBasisPoints,
        long basisMinor, long amountMinor, String currency, Instant at) {
}
