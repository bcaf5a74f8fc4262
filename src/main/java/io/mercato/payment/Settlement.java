package io.mercato.payment;

import io.mercato.platform.Money;

/**
 * How a completed order's remaining escrow is paid out.
 *
 * @param payee the merchant to credit, or the platform for its own sale
 * @param gross the order money still in escrow
 * @param fee what the platform keeps as fee or commission (zero for the platform's own sales)
 */
public record Settlement(long orderId, Payee payee, Money gross, Money fee) {

    public Settlement {
        if (gross.isNegative() || fee.isNegative() || fee.minor() > gross.minor()) {
            throw new IllegalArgumentException("Settlement of order " + orderId + " needs 0 <= fee <= gross, got fee "
                    + fee + " of " + gross);
        }
        if (payee instanceof Payee.Platform && fee.isPositive()) {
            throw new IllegalArgumentException("The platform's own sale of order " + orderId + " pays no fee, got " + fee);
        }
    }

    public Money net() {
        return gross.minus(fee);
    }

    /** Whether the order was the platform's own sale. */
    public boolean firstParty() {
        return payee instanceof Payee.Platform;
    }
}
