package io.mercato.payment;

import io.mercato.platform.Money;

/**
 * How a completed order's remaining escrow is paid out.
 *
 * @param payeeAccountId the seller to credit, or 0 when the order was the platform's own sale
 * @param gross the order money still in escrow
 * @param fee what the platform keeps as fee or commission (ignored for first-party sales)
 */
public record Settlement(long orderId, long payeeAccountId, Money gross, Money fee, boolean firstParty) {

    public Settlement {
        if (gross.isNegative() || fee.isNegative() || fee.minor() > gross.minor()) {
            throw new IllegalArgumentException("Settlement of order " + orderId + " needs 0 <= fee <= gross, got fee "
                    + fee + " of " + gross);
        }
    }

    public Money net() {
        return gross.minus(fee);
    }
}
