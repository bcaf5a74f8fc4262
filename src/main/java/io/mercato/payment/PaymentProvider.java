package io.mercato.payment;

import io.mercato.platform.Money;

/**
 * The outside payment network that funds wallets and pays out merchants. The default implementation is a
 * simulation; a real provider plugs in as another bean of this type.
 */
public interface PaymentProvider {

    /**
     * Charges the buyer's external instrument.
     *
     * @param reference unique per top-up, so the provider can deduplicate retries
     * @return the provider's reference for the charge
     * @throws PaymentDeclinedException when the provider refuses
     */
    String charge(long buyerAccountId, Money amount, String reference);

    /** Sends money to the merchant's bank account; returns the provider's reference. */
    String payout(long sellerAccountId, Money amount, String reference);

    final class PaymentDeclinedException extends RuntimeException {
        public PaymentDeclinedException(String message) {
            super(message);
        }
    }
}
