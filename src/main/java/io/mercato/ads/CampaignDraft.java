package io.mercato.ads;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a seller asks for when creating or editing a campaign. Validated by {@link AdCampaigns}, which names the
 * offending field.
 *
 * @param productId the advertised product, of one of the seller's stores; on an edit it may be omitted, and must
 *     not change
 * @param name optional; the product's title when absent
 * @param currency optional; the store's currency, and no other is accepted
 * @param targetRoi attributed GMV ÷ ad spend the auto-bidder aims for
 * @param startsAt optional; now when absent
 * @param endsAt optional; open-ended when absent
 */
public record CampaignDraft(@Nullable Long productId, @Nullable String name, @Nullable Long dailyBudgetMinor,
        @Nullable String currency, @Nullable BigDecimal targetRoi, @Nullable Instant startsAt, @Nullable Instant endsAt) {
}
