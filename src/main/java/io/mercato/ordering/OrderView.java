package io.mercato.ordering;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mercato.merchant.StoreKind;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An order as the module shows it: what one buyer bought from one store in one checkout, with its history and
 * refunds. Amounts are {@link Money}; the JSON keeps the API's flat shape ({@code totalMinor},
 * {@code refundedMinor}, {@code feeMinor} and one {@code currency}, where the API has always had them).
 *
 * @param refunded money already returned to the buyer
 * @param fee what the platform keeps: its fee at settlement less what refunds after it gave back; null until the order
 *     completes
 * @param payBy when an unpaid order is cancelled
 */
@JsonPropertyOrder({"id", "checkoutId", "buyerAccountId", "storeId", "storeKind", "sellerAccountId", "status",
        "currency", "totalMinor", "shippingMinor", "refundedMinor", "feeMinor"})
public record OrderView(long id, long checkoutId, long buyerAccountId, long storeId, StoreKind storeKind,
        long sellerAccountId, OrderStatus status, @JsonIgnore Money total, @JsonIgnore Money shipping,
        @JsonIgnore Money refunded,
        @JsonIgnore @Nullable Money fee, Address address, @Nullable String carrier, @Nullable String trackingNumber,
        Instant placedAt, Instant payBy, @Nullable Instant paidAt, @Nullable Instant shippedAt,
        @Nullable Instant deliveredAt, @Nullable Instant completedAt, @Nullable Instant closedAt,
        List<Line> lines, List<Transition> history, List<Refund> refunds, @Nullable BuyerAmount buyerAmount,
        @Nullable Taxes taxes) {

    public OrderView {
        lines = List.copyOf(lines);
        history = List.copyOf(history);
        refunds = List.copyOf(refunds);
    }

    /** An order without cross-border taxes. */
    public OrderView(long id, long checkoutId, long buyerAccountId, long storeId, StoreKind storeKind,
            long sellerAccountId, OrderStatus status, Money total, Money shipping, Money refunded, @Nullable Money fee,
            Address address, @Nullable String carrier, @Nullable String trackingNumber, Instant placedAt, Instant payBy,
            @Nullable Instant paidAt, @Nullable Instant shippedAt, @Nullable Instant deliveredAt,
            @Nullable Instant completedAt, @Nullable Instant closedAt, List<Line> lines, List<Transition> history,
            List<Refund> refunds, @Nullable BuyerAmount buyerAmount) {
        this(id, checkoutId, buyerAccountId, storeId, storeKind, sellerAccountId, status, total, shipping, refunded, fee,
                address, carrier, trackingNumber, placedAt, payBy, paidAt, shippedAt, deliveredAt, completedAt,
                closedAt, lines, history, refunds, buyerAmount, null);
    }

    /**
     * The cross-border taxes of an order to another country, in the order's currency, assessed at checkout on the goods
     * and shipping: EU VAT collected under IOSS ({@code IOSS_VAT}, goods up to EUR 150), EU import VAT due at the
     * border and not collected ({@code IMPORT_VAT_AT_BORDER}), or another destination's duty collected at checkout
     * ({@code DUTY}). What is collected is paid on top of the total (the platform owes it, the merchant never holds
     * it); refunds give back its share pro rata to the money refunded.
     *
     * @param collectedMinor paid by the buyer at checkout on top of the total
     * @param dueMinor owed at the border, not collected
     * @param refundedMinor the part of {@code collectedMinor} refunds gave back
     */
    public record Taxes(String treatment, int basisPoints, long collectedMinor, long dueMinor, long refundedMinor) {
    }

    /** What the buyer pays: the total and the taxes collected at checkout. */
    @JsonProperty("payableMinor")
    public long payableMinor() {
        return total.minor() + (taxes == null ? 0 : taxes.collectedMinor());
    }

    /** An order that charged no shipping fee. */
    public OrderView(long id, long checkoutId, long buyerAccountId, long storeId, StoreKind storeKind,
            long sellerAccountId, OrderStatus status, Money total, Money refunded, @Nullable Money fee, Address address,
            @Nullable String carrier, @Nullable String trackingNumber, Instant placedAt, Instant payBy,
            @Nullable Instant paidAt, @Nullable Instant shippedAt, @Nullable Instant deliveredAt,
            @Nullable Instant completedAt, @Nullable Instant closedAt, List<Line> lines, List<Transition> history,
            List<Refund> refunds) {
        this(id, checkoutId, buyerAccountId, storeId, storeKind, sellerAccountId, status, total,
                Money.zero(total.currency()), refunded, fee, address, carrier, trackingNumber, placedAt, payBy, paidAt,
                shippedAt, deliveredAt, completedAt, closedAt, lines, history, refunds, null);
    }

    /**
     * The order's total in the currency the buyer shows prices in, when that is another than the order's: recorded at
     * checkout with the rate of the day (units of the buyer's currency per unit of the order's). The buyer pays, and
     * the merchant settles, in the order's own currency.
     */
    public record BuyerAmount(String currency, long totalMinor, java.math.BigDecimal rate, java.time.LocalDate rateDay) {
    }

    /** The shipping fee the total includes (the merchant's; zero when the store ships free). */
    @JsonProperty("shippingMinor")
    public long shippingMinor() {
        return shipping.minor();
    }

    /** Money still held in escrow for this order (zero once settled or closed). */
    public Money escrow() {
        return status.holdsEscrow() ? total.minus(refunded) : Money.zero(total.currency());
    }

    @JsonProperty("currency")
    public String currency() {
        return total.currencyCode();
    }

    @JsonProperty("totalMinor")
    public long totalMinor() {
        return total.minor();
    }

    @JsonProperty("refundedMinor")
    public long refundedMinor() {
        return refunded.minor();
    }

    @JsonProperty("feeMinor")
    public @Nullable Long feeMinor() {
        return fee == null ? null : fee.minor();
    }

    /**
     * @param unitPrice the list price of one unit, in the order's currency; the JSON shows it as {@code unitPriceMinor}
     * @param paid what the buyer paid for the line after every discount ({@code paidMinor})
     * @param adjustments each discount's share on this line, in the order the pricing engine applied them
     */
    @JsonPropertyOrder({"id", "skuId", "productId", "title", "attributes", "unitPriceMinor", "quantity", "paidMinor",
            "adjustments"})
    public record Line(long id, long skuId, long productId, String title, Map<String, String> attributes,
            @JsonIgnore Money unitPrice, long quantity, long refundedQuantity, long pendingRefundQuantity,
            int commissionBasisPoints, @JsonIgnore Money paid, List<Adjustment> adjustments) {

        public Line {
            adjustments = List.copyOf(adjustments);
        }

        /** A line paid at list price, without discounts. */
        public Line(long id, long skuId, long productId, String title, Map<String, String> attributes, Money unitPrice,
                long quantity, long refundedQuantity, long pendingRefundQuantity, int commissionBasisPoints) {
            this(id, skuId, productId, title, attributes, unitPrice, quantity, refundedQuantity, pendingRefundQuantity,
                    commissionBasisPoints, unitPrice.times(quantity), List.of());
        }

        /** What the buyer paid for the line. */
        public Money amount() {
            return paid;
        }

        /** The line at list price, before discounts. */
        public Money listAmount() {
            return unitPrice.times(quantity);
        }

        @JsonProperty("unitPriceMinor")
        public long unitPriceMinor() {
            return unitPrice.minor();
        }

        @JsonProperty("paidMinor")
        public long paidMinor() {
            return paid.minor();
        }

        public long refundableQuantity() {
            return quantity - refundedQuantity - pendingRefundQuantity;
        }
    }

    /**
     * One discount's share on one line, as the pricing engine explained it when the order was placed.
     *
     * @param promotionId the promotion or coupon pool behind it
     * @param claimId the buyer's coupon, when the discount is one
     */
    public record Adjustment(io.mercato.pricing.AdjustmentKind kind, io.mercato.pricing.Funder funder,
            long promotionId, @Nullable Long claimId, String name, long amountMinor) {
    }

    /** One change of status: who made it and when. */
    public record Transition(@Nullable OrderStatus from, OrderStatus to, String actor, Instant at,
            @Nullable String note) {
    }
}
