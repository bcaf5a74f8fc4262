package io.mercato.membership;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mercato.platform.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One paid year of 88VIP: a join, a renewal bought ahead, or an automatic renewal at expiry. A cancelled term ends
 * when it was cancelled. The JSON shows the price as {@code priceMinor} and {@code currency}.
 *
 * @param coolingOffUntil until when it may be cancelled with a refund
 */
public record Term(long id, long buyerAccountId, TermKind kind, Instant startsAt, Instant endsAt,
        @JsonIgnore Money price, long pointsAtPurchase, Instant purchasedAt, Instant coolingOffUntil,
        @Nullable Instant cancelledAt) {

    @JsonProperty("priceMinor")
    public long priceMinor() {
        return price.minor();
    }

    @JsonProperty("currency")
    public String currency() {
        return price.currencyCode();
    }

    public boolean covers(Instant at) {
        return !startsAt.isAfter(at) && endsAt.isAfter(at);
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public enum TermKind { JOIN, RENEWAL, AUTO_RENEWAL }
}
