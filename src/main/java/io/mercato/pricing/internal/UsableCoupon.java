package io.mercato.pricing.internal;

import io.mercato.platform.Money;
import io.mercato.pricing.Funder;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A coupon the buyer may use now, as the engine needs it: its pool's terms and when it expires. */
public record UsableCoupon(long claimId, long poolId, String name, Funder funder, @Nullable Long storeId,
        @Nullable Long festivalId, Money amountOff, Money threshold, Instant validUntil) {
}
