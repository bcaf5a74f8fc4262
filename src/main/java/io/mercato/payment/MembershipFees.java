package io.mercato.payment;

import io.mercato.platform.Money;
import java.util.Currency;
import java.util.Optional;

/**
 * Buyers' paid memberships (88VIP) on the ledger: a fee from the buyer's wallet into the platform's membership
 * revenue, and the refund of a fee back to the wallet. Each is one balanced posting in the caller's transaction,
 * idempotent by its reference. Nothing here checks who is asking: the caller (membership) does.
 */
public interface MembershipFees {

    /** The buyer's wallet balance in the currency; zero for a wallet never topped up. */
    Money wallet(long buyerAccountId, Currency currency);

    /**
     * Charges a membership fee: wallet → membership revenue, once per {@code reference}.
     *
     * @return the posting's id; empty when the reference was posted before (nothing is written)
     * @throws IllegalArgumentException when the amount is not positive
     * @throws io.mercato.platform.ConflictException when the wallet holds too little (nothing is written)
     */
    Optional<Long> charge(long buyerAccountId, Money amount, String reference, String memo);

    /**
     * Gives a membership fee back: membership revenue → wallet, once per {@code reference}.
     *
     * @return the posting's id; empty when the reference was posted before
     * @throws IllegalArgumentException when the amount is not positive
     */
    Optional<Long> refund(long buyerAccountId, Money amount, String reference, String memo);
}
