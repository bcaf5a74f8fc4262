package io.mercato.payment;

import io.mercato.platform.Money;

/**
 * The taxes an order's buyer pays on top of what goes into escrow, or gets back with a refund: EU VAT collected under
 * IOSS ({@link AccountKind#VAT_PAYABLE}) and another destination's import duty ({@link AccountKind#DUTY_PAYABLE}).
 * Both are in the order's currency and never negative.
 */
public record TaxShare(Money vat, Money duty) {

    public TaxShare {
        if (vat.isNegative() || duty.isNegative() || !vat.currency().equals(duty.currency())) {
            throw new IllegalArgumentException("A tax share is two amounts of one currency, never negative, got VAT "
                    + vat + " and duty " + duty);
        }
    }

    public static TaxShare none(java.util.Currency currency) {
        return new TaxShare(Money.zero(currency), Money.zero(currency));
    }

    /** VAT and duty together. */
    public Money total() {
        return vat.plus(duty);
    }

    public boolean isZero() {
        return vat.minor() == 0 && duty.minor() == 0;
    }
}
