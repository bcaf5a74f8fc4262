package io.mercato.payment.internal;

import io.mercato.payment.AccountKind;
import io.mercato.payment.MembershipFees;
import io.mercato.payment.internal.Ledger.Leg;
import io.mercato.platform.Money;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Membership fees on the ledger: wallet → membership revenue, and back for a refund. */
@Service
class DefaultMembershipFees implements MembershipFees {

    private static final long PLATFORM = 0;

    private final Ledger ledger;

    DefaultMembershipFees(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Money wallet(long buyerAccountId, Currency currency) {
        return new Money(ledger.balance(AccountKind.WALLET, buyerAccountId, currency.getCurrencyCode()), currency);
    }

    @Override
    @Transactional
    public Optional<Long> charge(long buyerAccountId, Money amount, String reference, String memo) {
        requirePositive(amount, reference);
        return ledger.post("MEMBERSHIP_FEE", null, reference, memo, amount.currencyCode(), List.of(
                new Leg(AccountKind.WALLET, buyerAccountId, -amount.minor()),
                new Leg(AccountKind.MEMBERSHIP_REVENUE, PLATFORM, amount.minor())));
    }

    @Override
    @Transactional
    public Optional<Long> refund(long buyerAccountId, Money amount, String reference, String memo) {
        requirePositive(amount, reference);
        return ledger.post("MEMBERSHIP_REFUND", null, reference, memo, amount.currencyCode(), List.of(
                new Leg(AccountKind.MEMBERSHIP_REVENUE, PLATFORM, -amount.minor()),
                new Leg(AccountKind.WALLET, buyerAccountId, amount.minor())));
    }

    private static void requirePositive(Money amount, String reference) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A membership fee or refund must be positive, got " + amount + " for "
                    + reference);
        }
    }
}
