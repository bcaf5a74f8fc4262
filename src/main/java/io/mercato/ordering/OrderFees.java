package io.mercato.ordering;

import io.mercato.merchant.StoreKind;
import io.mercato.platform.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * The platform's cut of an order, which ordering asks for and another module (billing) answers: ordering
 * declares what it passes, so that it never depends on the module that keeps the fee rules. Both methods run
 * in the transaction that moves the order's money, so what they record commits or rolls back with it. The
 * platform's own (Supermarket) sales are never passed: they pay no fee.
 */
public interface OrderFees {

    /**
     * The fee the platform keeps when the order completes, on the value the buyer kept, under the rules in force
     * when the order was paid. Recorded once per order: asking again answers what was charged.
     */
    Money charge(FeeBasis order);

    /**
     * The fee to give back after a refund of an order whose escrow was already released: what was charged less
     * what the value the buyer still keeps would have paid. Recorded once per refund.
     *
     * @param order the order as it stands after the refund
     */
    Money reverse(FeeBasis order, long refundId);

    /**
     * @param paidAt when the buyer paid: the rules in force then apply
     * @param lines every line of the order, with the value the buyer keeps of it
     */
    record FeeBasis(long orderId, long storeId, StoreKind storeKind, long sellerAccountId, Currency currency,
            Instant paidAt, List<FeeLine> lines) {

        public FeeBasis {
            lines = List.copyOf(lines);
        }

        public Money kept() {
            return lines.stream().map(FeeLine::kept).reduce(Money.zero(currency), Money::plus);
        }
    }

    /**
     * @param commissionBasisPoints the category's commission when the order was placed, the default rate
     * @param kept the unit price times the units the buyer keeps
     */
    record FeeLine(long lineId, long productId, long categoryId, int commissionBasisPoints, Money kept) {
    }
}
