package io.mercato.payment.internal;

import io.mercato.fx.ExchangeRates;
import io.mercato.payment.AccountKind;
import io.mercato.payment.CurrencyExchange;
import io.mercato.payment.internal.Ledger.Leg;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Conversions as two postings through FX clearing, at the rates {@link ExchangeRates} keeps. */
@Service
class DefaultCurrencyExchange implements CurrencyExchange {

    /** FX clearing is the platform's, like the other platform accounts. */
    private static final long PLATFORM = 0;
    private static final long MAX_MINOR = 100_000_000_00L;

    private final Ledger ledger;
    private final ExchangeRates rates;
    private final Clock clock;

    DefaultCurrencyExchange(Ledger ledger, ExchangeRates rates, Clock clock) {
        this.ledger = ledger;
        this.rates = rates;
        this.clock = clock;
    }

    @Override
    @Transactional
    public WalletConversion convertWallet(Actor buyer, Money amount, Currency to) {
        buyer.require(Role.BUYER);
        if (amount.minor() <= 0 || amount.minor() > MAX_MINOR) {
            throw new InvalidInputException("amountMinor", Text.of("fx.conversion.amount", MAX_MINOR));
        }
        if (amount.currency().equals(to)) {
            throw new InvalidInputException("to", Text.of("fx.conversion.same", to.getCurrencyCode()));
        }
        Instant now = clock.instant();
        var conversion = rates.convert(amount, to, now);
        if (conversion.to().minor() <= 0) {
            throw new InvalidInputException("amountMinor", Text.of("fx.conversion.tooSmall", amount.toString(),
                    to.getCurrencyCode()));
        }
        long[] postings = post("fx:wallet:" + UUID.randomUUID(), AccountKind.WALLET, buyer.accountId(), amount,
                conversion.to(), "Wallet conversion at " + conversion.rate() + " (" + conversion.rateDay() + ")");
        return new WalletConversion(postings[0], postings[1], amount, conversion.to(), conversion.rate(),
                conversion.rateDay(), now);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long[] post(String reference, AccountKind account, long ownerId, Money from, Money to, String memo) {
        if (from.currency().equals(to.currency()) || from.minor() < 0 || to.minor() < 0) {
            throw new IllegalArgumentException("A conversion " + reference + " takes a positive amount from one currency "
                    + "to another, got " + from + " to " + to);
        }
        long out = ledger.post("FX_CONVERSION", null, reference + ":from", memo, from.currencyCode(), List.of(
                new Leg(account, ownerId, -from.minor()),
                new Leg(AccountKind.FX_CLEARING, PLATFORM, from.minor()))).orElseThrow();
        long in = ledger.post("FX_CONVERSION", null, reference + ":to", memo, to.currencyCode(), List.of(
                new Leg(AccountKind.FX_CLEARING, PLATFORM, -to.minor()),
                new Leg(account, ownerId, to.minor()))).orElseThrow();
        return new long[] {out, in};
    }
}
