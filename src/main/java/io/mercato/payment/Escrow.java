package io.mercato.payment;

import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import java.util.List;

/**
 * Moves order money through escrow. Each method posts one balanced posting in the caller's transaction and is
 * idempotent by its reference: calling it again for the same order or refund changes nothing.
 */
public interface Escrow {

    /**
     * Moves the order's total from the buyer's wallet into the payee's escrow.
     *
     * @throws io.mercato.platform.ConflictException when the wallet holds too little
     */
    void pay(long orderId, long buyerAccountId, Payee payee, Money amount);

    /** Returns money from escrow to the buyer's wallet. */
    void refund(long orderId, long refundId, long buyerAccountId, Payee payee, Money amount);

    /**
     * Releases the order's escrow: the fee to the platform, the rest to the merchant, which first pays what the
     * merchant owes the platform ({@link AccountKind#MERCHANT_DEBT}).
     */
    void settle(Settlement settlement);

    /**
     * Refunds the buyer of an order whose escrow was already released: the platform gives back {@code feeBack} of
     * its fee revenue and the merchant's balance pays the rest; what the balance cannot cover is booked as the
     * merchant's debt. For the platform's own sale, sales revenue pays it all.
     */
    default void refundSettled(long orderId, long refundId, long buyerAccountId, Payee payee, Money amount, Money feeBack) {
        refundSettled(orderId, refundId, buyerAccountId, payee, amount, feeBack, Money.zero(amount.currency()));
    }

    /**
     * As {@link #refundSettled(long, long, long, Payee, Money, Money)}, and the merchant gives back
     * {@code subsidyBack}, the platform-funded discount on the refunded units it received at settlement, to the
     * platform's subsidy spend: the subsidy is reversed pro rata, in the same posting.
     */
    void refundSettled(long orderId, long refundId, long buyerAccountId, Payee payee, Money amount, Money feeBack,
            Money subsidyBack);

    /** Every posting that touched the order, oldest first. */
    List<Posting> postingsOf(long orderId);

    /** Tops up a buyer's wallet through the payment provider. */
    TopUp topUp(Actor buyer, Money amount);

    /** Pays a seller's balance out through the payment provider. */
    Withdrawal withdraw(Actor seller, Money amount);

    /** The actor's own accounts: a buyer's wallets, a seller's balances and escrow, an operator's platform accounts. */
    List<LedgerAccount> accountsOf(Actor actor);

    /** The postings on the actor's accounts, newest first. */
    List<Posting> statement(Actor actor, int limit);

    /**
     * For operators: the postings on one account holder's wallets, merchant balances and escrow, newest first, as
     * {@link #statement} shows them to the holder.
     *
     * @throws io.mercato.platform.ForbiddenException when the actor is not an operator
     */
    List<Posting> statementOf(Actor operator, long accountId, int limit);

    /** Sum of all balances per currency; zero in every currency while the ledger is sound. */
    java.util.Map<String, Long> trialBalance();

    /**
     * What accounts of one kind received, net, on each day of {@code from..to} (in the zone), per currency; for
     * {@link AccountKind#FEE_REVENUE} these are the fees and commissions the platform earned. Days without
     * postings are absent.
     */
    List<DailyAmount> bookedPerDay(AccountKind kind, java.time.LocalDate from, java.time.LocalDate to,
            java.time.ZoneId zone);

    /** All accounts of one kind, for reconciliation. */
    List<LedgerAccount> accounts(AccountKind kind);
}
