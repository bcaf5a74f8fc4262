package io.mercato.payment.internal;

import io.mercato.payment.CurrencyExchange;
import io.mercato.payment.CurrencyExchange.WalletConversion;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Currency;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Payment", description = "Wallets, escrow, merchant balances and the ledger")
class ExchangeController {

    private final CurrencyExchange exchange;

    ExchangeController(CurrencyExchange exchange) {
        this.exchange = exchange;
    }

    /** Converts part of the buyer's wallet into another currency at the day's rate. */
    @PostMapping("/wallet/conversions")
    @ResponseStatus(HttpStatus.CREATED)
    WalletConversion convert(@RequestBody Conversion request, Actor buyer) {
        if (request.amountMinor() == null) {
            throw new InvalidInputException("amountMinor", Text.of("fx.conversion.amount", 100_000_000_00L));
        }
        return exchange.convertWallet(buyer, new Money(request.amountMinor(), currency("currency", request.currency())),
                currency("to", request.to()));
    }

    record Conversion(@Nullable Long amountMinor, @Nullable String currency, @Nullable String to) {
    }

    private static Currency currency(String field, @Nullable String code) {
        try {
            return Currencies.parse(code);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, Text.of("fx.currency.unknown", String.valueOf(code)));
        }
    }
}
