package io.mercato.billing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mercato.platform.Money;
import java.time.Instant;

/**
 * One year of a wholesale store's membership.
 *
 * @param fee the annual fee charged to the merchant balance when the year began
 * @param debt the part of it the balance could not pay, booked as the merchant's debt (paid from later sales)
 */
public record Membership(long id, long storeId, long sellerAccountId, long ruleId, Instant startsAt, Instant endsAt,
        @JsonIgnore Money fee, @JsonIgnore Money debt, Instant billedAt) {

    @JsonProperty("feeMinor")
    public long feeMinor() {
        return fee.minor();
    }

    @JsonProperty("debtMinor")
    public long debtMinor() {
        return debt.minor();
    }

    @JsonProperty("currency")
    public String currency() {
        return fee.currencyCode();
    }
}
