package io.mercato.membership;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mercato.platform.Money;
import io.mercato.pricing.Vouchers;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A buyer's 88VIP as the membership page shows it.
 *
 * @param member whether a term covers now
 * @param memberUntil the end of the last term that follows on from now without a gap; null when not a member
 * @param price what joining (or renewing) costs now, by the buyer's points; JSON {@code priceMinor}
 * @param canRenew a member may buy the next year ahead once (not when a renewal is bought already)
 * @param cancellable the term that may still be cancelled with a refund, if any
 * @param terms every term, newest first
 * @param entitlements the partner benefits of the terms covering now or later
 * @param coupons the members' monthly coupons granted to the buyer, newest first
 */
public record VipStatus(long buyerAccountId, boolean member, @Nullable Instant memberUntil, long points,
        @JsonIgnore Money price, boolean autoRenew, boolean canRenew, @Nullable Term cancellable, List<Term> terms,
        List<Entitlement> entitlements, List<Vouchers.Claim> coupons) {

    public VipStatus {
        terms = List.copyOf(terms);
        entitlements = List.copyOf(entitlements);
        coupons = List.copyOf(coupons);
    }

    @JsonProperty("priceMinor")
    public long priceMinor() {
        return price.minor();
    }

    @JsonProperty("currency")
    public String currency() {
        return price.currencyCode();
    }
}
