package io.mercato.payment;

import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A merchant's prepaid advertising money. It is topped up from the merchant balance and charged per click into the
 * platform's ad revenue; each movement is one balanced posting in the caller's transaction, and the ad account never
 * goes below zero.
 */
public interface AdAccounts {

    /** The largest single top-up, in minor units (one million in the currency's major unit). */
    long MAX_TOP_UP_MINOR = 100_000_000L;

    /**
     * Moves money from the seller's merchant balance to its ad account.
     *
     * @throws io.mercato.platform.InvalidInputException when the amount is not between 1 and {@link #MAX_TOP_UP_MINOR}
     * @throws io.mercato.platform.ConflictException when the merchant balance holds too little
     */
    AdTopUp topUp(Actor seller, Money amount);

    /**
     * For operators: credits a merchant's ad account with advertising money the platform pays for (a new-merchant ad
     * voucher, a campaign subsidy), from the payment provider's clearing account like any money entering the platform.
     *
     * @throws io.mercato.platform.ForbiddenException when the actor is not an operator
     * @throws io.mercato.platform.InvalidInputException when the amount is not between 1 and {@link #MAX_TOP_UP_MINOR}
     */
    AdTopUp grantCredit(Actor operator, long sellerAccountId, Money amount, String reason);

    /** The ad account's balance: zero for an account never topped up. */
    Money balance(long sellerAccountId, Currency currency);

    /**
     * Charges a click: ad account → ad revenue, idempotent by {@code reference}. Locks the ad account's row first, so
     * concurrent charges of one account queue on it and none can take it below zero.
     *
     * @return the posting's id; empty when the balance does not cover the amount (nothing is written) or the
     *     reference was charged before
     */
    Optional<Long> charge(long sellerAccountId, Money amount, String reference, String memo);

    /** The postings on the seller's ad accounts, newest first. */
    List<Posting> postings(Actor seller, int limit);

    /**
     * A top-up of an ad account.
     *
     * @param balanceAfter the ad account's balance once it is booked
     */
    record AdTopUp(long postingId, long sellerAccountId, Money amount, Money balanceAfter) {
    }
}
