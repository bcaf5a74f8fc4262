package io.mercato.instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mercato.platform.Money;

/**
 * What a buyer at a place is told before ordering from a local store: whether it delivers there now, in how many
 * minutes (preparation + the nearest free rider's ride to the store + the ride to the buyer), for what fee.
 *
 * @param withinHalfHour whether the order can arrive in 30 minutes
 */
public record Quote(long storeId, String storeName, boolean inZone, boolean open, int etaMinutes, boolean withinHalfHour,
        long distanceMetres, @JsonIgnore Money deliveryFee, @JsonIgnore Money subsidy) {

    /** What the buyer pays for the delivery: the fee less the platform's subsidy, never below zero. */
    @JsonIgnore
    public Money buyerFee() {
        return deliveryFee.minor() <= subsidy.minor() ? Money.zero(deliveryFee.currency()) : deliveryFee.minus(subsidy);
    }

    @JsonProperty
    public long buyerFeeMinor() {
        return buyerFee().minor();
    }

    /** The store delivers here now. */
    @JsonProperty
    public boolean deliverable() {
        return inZone && open;
    }

    @JsonProperty
    public long deliveryFeeMinor() {
        return deliveryFee.minor();
    }

    @JsonProperty
    public String currency() {
        return deliveryFee.currencyCode();
    }
}
