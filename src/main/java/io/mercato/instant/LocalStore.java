package io.mercato.instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mercato.platform.Money;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A local store's delivery profile: where it is, when it is open, how long it prepares, where it delivers. */
public record LocalStore(long storeId, String name, Position location, String timeZone, LocalTime opens,
        LocalTime closes, int prepMinutes, DeliveryZone zone, @JsonIgnore Money deliveryFee, int commissionBasisPoints,
        @JsonIgnore Money riderPay, @JsonIgnore Money subsidy) {

    /** Whether the store takes orders at this instant, in its own time zone. */
    public boolean openAt(Instant when) {
        LocalTime now = ZonedDateTime.ofInstant(when, ZoneId.of(timeZone)).toLocalTime();
        if (opens.equals(closes)) {
            return true;
        }
        return opens.isBefore(closes) ? !now.isBefore(opens) && now.isBefore(closes)
                : !now.isBefore(opens) || now.isBefore(closes);
    }

    public boolean delivers(Position to) {
        return zone.contains(location, to);
    }

    @JsonProperty
    public long deliveryFeeMinor() {
        return deliveryFee.minor();
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
    public String currency() {
        return deliveryFee.currencyCode();
    }
}
