package io.mercato.ordering;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A buyer's request for money back on some or all lines of an order. The JSON shows amounts in minor units
 * ({@code amountMinor}), in the order's currency.
 *
 * @param returnGoods whether goods come back (after delivery) or never left (before shipment)
 * @param decideBy when the platform decides for a seller who has not
 */
@JsonPropertyOrder({"id", "orderId", "status", "returnGoods", "amountMinor"})
public record Refund(long id, long orderId, RefundStatus status, boolean returnGoods, @JsonIgnore Money amount,
        String reason, Instant requestedAt, @Nullable Instant decideBy, @Nullable Instant decidedAt,
        @Nullable String decidedBy, @Nullable String decisionNote, List<RefundLine> lines) {

    public Refund {
        lines = List.copyOf(lines);
    }

    @JsonProperty("amountMinor")
    public long amountMinor() {
        return amount.minor();
    }

    public enum RefundStatus {
        REQUESTED, APPROVED, REJECTED
    }

    @JsonPropertyOrder({"lineId", "quantity", "amountMinor"})
    public record RefundLine(long lineId, long quantity, @JsonIgnore Money amount) {

        @JsonProperty("amountMinor")
        public long amountMinor() {
            return amount.minor();
        }
    }
}
