package io.mercato.payment;

import io.mercato.platform.Money;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;

/**
 * A merchant's side of the ledger for billing: balances at a point in time, the postings of a period, and fees
 * charged to the merchant balance outside any order (a membership). Nothing here checks who is asking: the
 * caller (billing) does.
 */
public interface MerchantLedger {

    /** The balance of the owner's account of this kind from every posting before {@code at}; zero if none. */
    Money balanceAt(AccountKind kind, long ownerId, Currency currency, Instant at);

    /**
     * The postings of {@code from} (inclusive) to {@code to} (exclusive) that touched any of the owner's accounts of
     * these kinds in the currency, with all their entries, oldest first.
     */
    List<Posting> postingsBetween(long ownerId, Collection<AccountKind> kinds, Currency currency, Instant from,
            Instant to);

    /**
     * Charges a supplier's membership to a merchant (merchant balance → supplier membership revenue, which is not
     * customer management revenue) once per reference; what the balance cannot
     * cover is booked as the merchant's debt ({@link AccountKind#MERCHANT_DEBT}), which its later settlements pay
     * first.
     *
     * @return the part booked as debt (zero when the balance paid it all, or when the reference was posted before)
     */
    Money chargeFee(String reference, long sellerAccountId, Money amount, String memo);
}
