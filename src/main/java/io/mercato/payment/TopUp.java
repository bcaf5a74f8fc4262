package io.mercato.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mercato.platform.Money;
import java.time.Instant;

/**
 * Money paid into a buyer's wallet through the payment provider. The JSON shows the amounts flat, as
 * {@code amountMinor} and {@code balanceAfterMinor} beside one {@code currency}, so both are in that currency.
 *
 * @param balanceAfter the account's balance once this posting is booked
 */
@JsonPropertyOrder({"id", "buyerAccountId", "amountMinor", "currency", "providerReference", "balanceAfterMinor", "at"})
public record TopUp(long id, long buyerAccountId, @JsonIgnore Money amount, String providerReference,
        @JsonIgnore Money balanceAfter, Instant at) {

    public TopUp {
        if (!amount.currency().equals(balanceAfter.currency())) {
            throw new IllegalArgumentException("Top-up " + id + " of " + amount + " cannot leave a balance of "
                    + balanceAfter + ": currencies differ");
        }
    }

    @JsonProperty("amountMinor")
    public long amountMinor() {
        return amount.minor();
    }

    @JsonProperty("currency")
    public String currency() {
        return amount.currencyCode();
    }

    @JsonProperty("balanceAfterMinor")
    public long balanceAfterMinor() {
        return balanceAfter.minor();
    }
}
