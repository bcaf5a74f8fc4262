package io.mercato.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mercato.platform.Money;

/**
 * One account of the ledger: whose it is, what kind, and what it holds. The JSON shows the balance flat, as
 * {@code currency} and {@code balanceMinor}, in the order the API has always had.
 */
@JsonPropertyOrder({"id", "kind", "ownerId", "currency", "balanceMinor"})
public record LedgerAccount(long id, AccountKind kind, long ownerId, @JsonIgnore Money balance) {

    @JsonProperty("currency")
    public String currency() {
        return balance.currencyCode();
    }

    @JsonProperty("balanceMinor")
    public long balanceMinor() {
        return balance.minor();
    }
}
