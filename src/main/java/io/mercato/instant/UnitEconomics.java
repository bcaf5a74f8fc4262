package io.mercato.instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mercato.platform.Money;

/**
 * What one instant order earns the platform: delivery fee + commission − rider pay − subsidy. The fee, the subsidy
 * and the rider's pay are what the ledger booked (the fee and subsidy when the buyer sent for a rider, net of a refund;
 * the rider's pay on delivery); the commission is the store's instant rate on the order's goods, recorded when the
 * delivery was requested.
 */
public record UnitEconomics(long deliveryId, long orderId, long storeId, DeliveryStatus status, boolean late,
        @JsonIgnore Money deliveryFee, @JsonIgnore Money commission, @JsonIgnore Money riderPay,
        @JsonIgnore Money subsidy) {

    @JsonIgnore
    public Money margin() {
        return deliveryFee.plus(commission).minus(riderPay).minus(subsidy);
    }

    @JsonProperty
    public long deliveryFeeMinor() {
        return deliveryFee.minor();
    }

    @JsonProperty
    public long commissionMinor() {
        return commission.minor();
    }

    @JsonProperty
    public long riderPayMinor() {
        return riderPay.minor();
    }

    @JsonProperty
    public long subsidyMinor() {
        return subsidy.minor();
    }

    @JsonProperty
    public long marginMinor() {
        return margin().minor();
    }

    @JsonProperty
    public String currency() {
        return deliveryFee.currencyCode();
    }
}
