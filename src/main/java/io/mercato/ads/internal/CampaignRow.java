package io.mercato.ads.internal;

import io.mercato.ads.Campaign;
import io.mercato.ads.CampaignStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A campaign as stored. */
record CampaignRow(long id, long sellerAccountId, long storeId, long productId, long categoryId, String name,
        String currency, long dailyBudgetMinor, BigDecimal targetRoi, long expectedOrderValueMinor, boolean paused,
        Instant startsAt, @Nullable Instant endsAt, Instant createdAt, Instant updatedAt) {

    CampaignStatus status(Instant now) {
        if (endsAt != null && !now.isBefore(endsAt)) {
            return CampaignStatus.ENDED;
        }
        if (paused) {
            return CampaignStatus.PAUSED;
        }
        return now.isBefore(startsAt) ? CampaignStatus.SCHEDULED : CampaignStatus.ACTIVE;
    }

    /** Whether its ads may be served and charged at this instant. */
    boolean running(Instant now) {
        return status(now) == CampaignStatus.ACTIVE;
    }

    Campaign view(Instant now, long spentTodayMinor, @Nullable Long bidMinor) {
        return new Campaign(id, storeId, productId, categoryId, name, currency, dailyBudgetMinor, targetRoi, status(now),
                startsAt, endsAt, spentTodayMinor, bidMinor, createdAt, updatedAt);
    }
}
