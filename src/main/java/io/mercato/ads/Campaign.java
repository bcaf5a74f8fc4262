package io.mercato.ads;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as its seller sees it.
 *
 * @param spentTodayMinor what its clicks cost today (in the marketplace's time zone), never more than the budget
 * @param bidMinor the auto-bidder's current bid per click, when the auction service knows the campaign
 */
public record Campaign(long id, long storeId, long productId, long categoryId, String name, String currency,
        long dailyBudgetMinor, BigDecimal targetRoi, CampaignStatus status, Instant startsAt, @Nullable Instant endsAt,
        long spentTodayMinor, @Nullable Long bidMinor, Instant createdAt, Instant updatedAt) {
}
