package io.mercato.payment.internal;

import io.mercato.payment.SettlementCurrencies;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Merchants' settlement currencies, in {@code payment.settlement_currencies}. */
@Service
class DefaultSettlementCurrencies implements SettlementCurrencies {

    private final JdbcClient jdbc;
    private final Clock clock;

    DefaultSettlementCurrencies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Currency> of(long sellerAccountId) {
        return jdbc.sql("SELECT currency FROM payment.settlement_currencies WHERE seller_account_id = ?")
                .param(sellerAccountId).query(String.class).optional().map(code -> Currency.getInstance(code.strip()));
    }

    @Override
    @Transactional
    public Optional<Currency> choose(Actor seller, @Nullable String currency) {
        seller.require(Role.SELLER);
        if (currency == null || currency.isBlank()) {
            jdbc.sql("DELETE FROM payment.settlement_currencies WHERE seller_account_id = ?").param(seller.accountId())
                    .update();
            return Optional.empty();
        }
        Currency chosen;
        try {
            chosen = Currencies.parse(currency.strip().toUpperCase(Locale.ROOT));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("currency", Text.of("fx.currency.unknown", currency));
        }
        jdbc.sql("""
                INSERT INTO payment.settlement_currencies (seller_account_id, currency, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (seller_account_id) DO UPDATE SET currency = EXCLUDED.currency, updated_at = EXCLUDED.updated_at""")
                .params(seller.accountId(), chosen.getCurrencyCode(), Timestamp.from(clock.instant())).update();
        return Optional.of(chosen);
    }
}
