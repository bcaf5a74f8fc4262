package io.mercato.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One balanced movement of money: its entries sum to zero. */
public record Posting(long id, String kind, @Nullable Long orderId, String reference, String memo, Instant at,
        List<Entry> entries) {

    public Posting {
        entries = List.copyOf(entries);
    }

    /**
     * A signed amount on one account: positive adds to its balance, negative takes from it. The JSON shows it as
     * {@code amountMinor} and {@code currency}.
     */
    @JsonPropertyOrder({"account", "ownerId", "amountMinor", "currency"})
    public record Entry(AccountKind account, long ownerId, @JsonIgnore Money amount) {

        @JsonProperty("amountMinor")
        public long amountMinor() {
            return amount.minor();
        }

        @JsonProperty("currency")
        public String currency() {
            return amount.currencyCode();
        }
    }
}
