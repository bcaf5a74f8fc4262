package io.mercato.payment.internal;

import io.mercato.payment.AccountKind;
import io.mercato.payment.AdAccounts;
import io.mercato.payment.Escrow;
import io.mercato.payment.Posting;
import io.mercato.payment.internal.Ledger.Leg;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ad accounts on the ledger: top-ups from the merchant balance, per-click charges into ad revenue. */
@Service
class DefaultAdAccounts implements AdAccounts {

    private static final long PLATFORM = 0;

    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final Escrow escrow;

    DefaultAdAccounts(Ledger ledger, JdbcClient jdbc, Escrow escrow) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.escrow = escrow;
    }

    @Override
    @Transactional
    public AdTopUp topUp(Actor seller, Money amount) {
        seller.require(Role.SELLER);
        if (amount.minor() <= 0 || amount.minor() > MAX_TOP_UP_MINOR) {
            throw new InvalidInputException("amountMinor",
                    Text.of("payment.adAccountTopUpMust", MAX_TOP_UP_MINOR, amount.minor()));
        }
        long postingId;
        try {
            postingId = ledger.post("AD_TOP_UP", null, "ad-top-up:" + UUID.randomUUID(),
                    "Ad account top-up from the merchant balance", amount.currencyCode(), List.of(
                            new Leg(AccountKind.MERCHANT, seller.accountId(), -amount.minor()),
                            new Leg(AccountKind.AD_ACCOUNT, seller.accountId(), amount.minor()))).orElseThrow();
        } catch (ConflictException e) {
            throw new ConflictException(Text.of("payment.cannotMoveAdAccount", amount, e.text()));
        }
        return new AdTopUp(postingId, seller.accountId(), amount, balance(seller.accountId(), amount.currency()));
    }

    @Override
    @Transactional
    public AdTopUp grantCredit(Actor operator, long sellerAccountId, Money amount, String reason) {
        operator.require(Role.OPERATOR);
        if (amount.minor() <= 0 || amount.minor() > MAX_TOP_UP_MINOR) {
            throw new InvalidInputException("amountMinor",
                    Text.of("payment.adCreditMustBetweenMinor", MAX_TOP_UP_MINOR, amount.minor()));
        }
        long postingId = ledger.post("AD_CREDIT", null, "ad-credit:" + UUID.randomUUID(), "Ad credit: " + reason,
                amount.currencyCode(), List.of(
                        new Leg(AccountKind.PROVIDER_CLEARING, PLATFORM, -amount.minor()),
                        new Leg(AccountKind.AD_ACCOUNT, sellerAccountId, amount.minor()))).orElseThrow();
        return new AdTopUp(postingId, sellerAccountId, amount, balance(sellerAccountId, amount.currency()));
    }

    @Override
    public Money balance(long sellerAccountId, Currency currency) {
        return new Money(ledger.balance(AccountKind.AD_ACCOUNT, sellerAccountId, currency.getCurrencyCode()), currency);
    }

    @Override
    @Transactional
    public Optional<Long> charge(long sellerAccountId, Money amount, String reference, String memo) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A click charge must be positive, got " + amount);
        }
        // The row lock makes the check and the guarded update one decision: no concurrent charge slips between them.
        Optional<Long> balance = jdbc.sql("""
                SELECT balance_minor FROM payment.accounts WHERE kind = 'AD_ACCOUNT' AND owner_id = ? AND currency = ?
                FOR NO KEY UPDATE""")
                .params(sellerAccountId, amount.currencyCode()).query(Long.class).optional();
        if (balance.isEmpty() || balance.get() < amount.minor()) {
            return Optional.empty();
        }
        return ledger.post("AD_CHARGE", null, reference, memo, amount.currencyCode(), List.of(
                new Leg(AccountKind.AD_ACCOUNT, sellerAccountId, -amount.minor()),
                new Leg(AccountKind.AD_REVENUE, PLATFORM, amount.minor())));
    }

    @Override
    public List<Posting> postings(Actor seller, int limit) {
        seller.require(Role.SELLER);
        return escrow.statement(seller, 500).stream()
                .filter(p -> p.entries().stream().anyMatch(e -> e.account() == AccountKind.AD_ACCOUNT))
                .limit(limit).toList();
    }
}
