package io.mercato.membership;

import io.mercato.platform.Actor;

/**
 * 88VIP, the paid annual membership: RMB {@value VipPrice#REDUCED_MAJOR} for buyers with
 * {@value VipPrice#POINTS_FOR_REDUCED} points or more, RMB {@value VipPrice#FULL_MAJOR} otherwise, paid from the
 * wallet into the platform's membership revenue as one balanced posting in the same transaction as the term. Each
 * buyer's joins, renewals and cancellations queue on the buyer's row, so concurrent joins give one membership and
 * one charge.
 */
public interface VipMembership {

    /** How long after buying a term it may be cancelled with a full refund. */
    java.time.Duration COOLING_OFF = java.time.Duration.ofDays(7);

    VipStatus status(Actor buyer);

    /**
     * Joins for a year from now. A buyer who is a member already gets the current term back, charged nothing.
     *
     * @throws io.mercato.platform.ConflictException naming the shortfall when the wallet holds too little
     * @throws io.mercato.platform.ForbiddenException when the actor is no buyer
     */
    Joined join(Actor buyer);

    /**
     * Buys the next year ahead, starting when the current term ends.
     *
     * @throws io.mercato.platform.ConflictException when not a member, renewed already, or short of money
     */
    Term renew(Actor buyer);

    /**
     * Cancels a term within {@link #COOLING_OFF} of buying it, refunding its price to the wallet; a term under way
     * ends now.
     *
     * @throws io.mercato.platform.NotFoundException when there is no such term
     * @throws io.mercato.platform.ForbiddenException when it is someone else's
     * @throws io.mercato.platform.ConflictException after the cooling-off period, when cancelled already, or when a
     *         renewal bought after it must be cancelled first
     */
    Term cancel(Actor buyer, long termId);

    /** Turns renewal at expiry on or off; a buyer who never joined may turn it on ahead of joining. */
    VipStatus autoRenew(Actor buyer, boolean on);

    /**
     * The timers' work at this instant: renews the members who chose auto-renewal and whose term ended, and grants
     * every member this month's coupons. Idempotent; run by the timer and by tests.
     *
     * @return how many terms were renewed automatically
     */
    int runDue();

    /** @param created false when the buyer was a member already and nothing was charged */
    record Joined(Term term, boolean created) {
    }
}
