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
    default void pay(long orderId, long buyerAccountId, Payee payee, Money amount) {
        pay(orderId, buyerAccountId, payee, amount, TaxShare.none(amount.currency()));
    }

    /**
     * Moves {@code amount} from the buyer's wallet into the payee's escrow and the taxes collected at checkout into the
     * platform's VAT and duty liabilities, in one posting: the wallet pays {@code amount} plus the taxes.
     *
     * @throws io.mercato.platform.ConflictException when the wallet holds too little
     */
    void pay(long orderId, long buyerAccountId, Payee payee, Money amount, TaxShare taxes);

    /** Returns money from escrow to the buyer's wallet. */
    default void refund(long orderId, long refundId, long buyerAccountId, Payee payee, Money amount) {
        refund(orderId, refundId, buyerAccountId, payee, amount, TaxShare.none(amount.currency()));
    }

    /**
     * Returns {@code amount} from escrow and {@code taxesBack} from the VAT and duty liabilities to the buyer's wallet,
     * in one posting.
     */
    void refund(long orderId, long refundId, long buyerAccountId, Payee payee, Money amount, TaxShare taxesBack);

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
    default void refundSettled(long orderId, long refundId, long buyerAccountId, Payee payee, Money amount, Money feeBack,
            Money subsidyBack) {
        refundSettled(orderId, refundId, buyerAccountId, payee, amount, feeBack, subsidyBack,
                TaxShare.none(amount.currency()));
    }

    /** As the one before, and the VAT and duty liabilities give back {@code taxesBack} to the buyer in the same posting. */
    void refundSettled(long orderId, long refundId, long buyerAccountId, Payee payee, Money amount, Money feeBack,
            Money subsidyBack, TaxShare taxesBack);

    /**
     * Moves a presale deposit from the buyer's wallet into the payee's escrow, where it stays until the final payment's
     * order settles (it is part of that order's total) or the final payment is missed. Reference
     * {@code presale:<id>:deposit}.
     *
     * @throws io.mercato.platform.ConflictException when the wallet holds too little
     */
    void holdDeposit(long presaleId, long buyerAccountId, Payee payee, Money amount);

    /** A missed final payment forfeits the deposit: escrow pays it to the merchant (the platform's own sales revenue). */
    void forfeitDeposit(long presaleId, Payee payee, Money amount);

    /** A missed final payment refunds the deposit: escrow pays it back to the buyer's wallet. */
    void refundDeposit(long presaleId, long buyerAccountId, Payee payee, Money amount);

    /** Every posting of a presale's deposit, oldest first. */
    List<Posting> postingsOfPresale(long presaleId);

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
