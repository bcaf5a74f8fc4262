package io.mercato.fx.internal;

import io.mercato.fx.ExchangeRates;
import io.mercato.fx.ExchangeRates.Conversion;
import io.mercato.fx.ExchangeRates.Loaded;
import io.mercato.fx.ExchangeRates.Rate;
import io.mercato.fx.ExchangeRates.RefusedLoad;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Exchange rates", description = "Dated exchange rates loaded from CSV, conversions, display currencies")
class FxController {

    private final ExchangeRates rates;
    private final Clock clock;
    private final ZoneId zone;

    FxController(ExchangeRates rates, Clock clock, @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.rates = rates;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** The CSV as the body ({@code text/csv} or {@code text/plain}): {@code date,currency,rate}, one row a day. */
    @PostMapping(path = "/operator/fx/rates", consumes = {"text/csv", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    Loaded load(@RequestBody(required = false) @Nullable String csv, Actor operator) {
        return rates.load(operator, csv == null ? "" : csv);
    }

    @GetMapping("/operator/fx/refused-loads")
    List<RefusedLoad> refused(Actor operator) {
        return rates.refusedLoads(operator);
    }

    @GetMapping("/fx/rates")
    List<Rate> latest() {
        return rates.latest();
    }

    @GetMapping("/fx/rates/{currency}")
    List<Rate> history(@PathVariable String currency, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        LocalDate end = to == null ? today() : day("to", to);
        LocalDate start = from == null ? end.minusDays(30) : day("from", from);
        return rates.history(currency, start, end);
    }

    @GetMapping("/fx/conversion")
    Conversion convert(@RequestParam long amountMinor, @RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) @Nullable String on) {
        Currency source = currency("from", from);
        Currency target = currency("to", to);
        return rates.convert(new Money(amountMinor, source), target, on == null ? today() : day("on", on));
    }

    @GetMapping("/fx/display-currency")
    DisplayCurrency displayCurrency(Actor actor) {
        Currency chosen = rates.displayCurrency(actor.accountId());
        return new DisplayCurrency(chosen == null ? null : chosen.getCurrencyCode());
    }

    @PutMapping("/fx/display-currency")
    DisplayCurrency chooseDisplayCurrency(@RequestBody DisplayCurrency wanted, Actor actor) {
        Currency chosen = rates.chooseDisplayCurrency(actor, wanted.currency());
        return new DisplayCurrency(chosen == null ? null : chosen.getCurrencyCode());
    }

    record DisplayCurrency(@Nullable String currency) {
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Text.of("fx.day.invalid", text));
        }
    }

    private static Currency currency(String field, String code) {
        try {
            return Currencies.parse(code);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, Text.of("fx.currency.unknown", code));
        }
    }
}
