package io.mercato.payment;

import io.mercato.platform.Money;

/**
 * How a completed order's remaining escrow is paid out.
 *
 * @param payee the merchant to credit, or the platform for its own sale
 * @param gross the order money still in escrow
 * @param fee what the platform keeps as fee or commission (zero for the platform's own sales); at most what the
 *     merchant receives, escrow plus subsidy
 * @param subsidy the discounts the platform funded on the units the buyer kept, paid to the merchant from the
 *     platform's subsidy spend ({@link AccountKind#SUBSIDY}); zero for the platform's own sales
 */
public record Settlement(long orderId, Payee payee, Money gross, Money fee, Money subsidy) {

    public Settlement {
        if (gross.isNegative() || fee.isNegative() || subsidy.isNegative()
                || fee.minor() > Math.addExact(gross.minor(), subsidy.minor())) {
            throw new IllegalArgumentException("Settlement of order " + orderId + " needs 0 <= fee <= gross + subsidy, got fee "
                    + fee + " of " + gross + " and subsidy " + subsidy);
        }
        if (payee instanceof Payee.Platform && (fee.isPositive() || subsidy.isPositive())) {
            throw new IllegalArgumentException("The platform's own sale of order " + orderId
                    + " pays no fee and gets no subsidy, got " + fee + " and " + subsidy);
        }
    }

    /** A settlement without platform-funded discounts. */
    public Settlement(long orderId, Payee payee, Money gross, Money fee) {
        this(orderId, payee, gross, fee, Money.zero(gross.currency()));
    }

    /** What the merchant receives: the escrow and the subsidy, less the fee. */
    public Money net() {
        return gross.plus(subsidy).minus(fee);
    }

    /** Whether the order was the platform's own sale. */
    public boolean firstParty() {
        return payee instanceof Payee.Platform;
    }
}
