package io.mercato.web.common;

import io.mercato.fx.ExchangeRates;
import io.mercato.http.CurrentActor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Prices in the reader's display currency beside the store's: {@code ≈ €13.07}, with the rate and its day said once
 * per page. The charge stays in the store's currency; these amounts are the day's conversion, shown as approximate.
 * The reader's currency and each pair's rate are read once per request. Templates call it as {@code @local}.
 */
@Component("local")
public final class LocalPrices {

    private static final String ATTRIBUTE = LocalPrices.class.getName() + ".currency";
    private static final String RATES = LocalPrices.class.getName() + ".rates";

    private final ExchangeRates rates;
    private final Formats formats;
    private final MessageSource messages;
    private final Clock clock;

    LocalPrices(ExchangeRates rates, Formats formats, MessageSource messages, Clock clock) {
        this.rates = rates;
        this.formats = formats;
        this.messages = messages;
        this.clock = clock;
    }

    private record Cached(@Nullable BigDecimal rate, @Nullable LocalDate day) {
    }

    /** The signed-in reader's display currency, if any; null for visitors. */
    public @Nullable String currency() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            Object known = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (known != null) {
                return known instanceof String code ? code : null;
            }
        }
        String code = CurrentActor.find().map(actor -> rates.displayCurrency(actor.accountId()))
                .map(Currency::getCurrencyCode).orElse(null);
        if (request != null) {
            request.setAttribute(ATTRIBUTE, code == null ? Boolean.FALSE : code, RequestAttributes.SCOPE_REQUEST);
        }
        return code;
    }

    /** Whether prices in this currency are shown converted too: the reader shows another currency and a rate is in force. */
    public boolean shows(@Nullable String from) {
        String to = currency();
        return from != null && to != null && !to.equals(from.strip()) && rate(from.strip(), to).rate() != null;
    }

    /** The amount in the reader's currency, as {@code ≈ €13.07}; empty when {@link #shows} is false. */
    public String approx(long minor, @Nullable String from) {
        if (!shows(from)) {
            return "";
        }
        String to = currency();
        Cached rate = rate(from.strip(), to);
        int fromDigits = Math.max(0, Currency.getInstance(from.strip()).getDefaultFractionDigits());
        int toDigits = Math.max(0, Currency.getInstance(to).getDefaultFractionDigits());
        long converted = BigDecimal.valueOf(minor, fromDigits).multiply(rate.rate())
                .setScale(toDigits, RoundingMode.HALF_UP).movePointRight(toDigits).longValueExact();
        return messages.getMessage("xb2.price.approx", new Object[] {formats.money(converted, to)},
                LocaleContextHolder.getLocale());
    }

    /** The rate the converted amounts use and its day, and that the charge is in the store's currency. */
    public String note(@Nullable String from) {
        if (!shows(from)) {
            return "";
        }
        String to = currency();
        Cached rate = rate(from.strip(), to);
        return messages.getMessage("xb2.price.rate", new Object[] {from.strip(), rate.rate().toPlainString(), to,
                formats.date(rate.day())}, LocaleContextHolder.getLocale());
    }

    /** The pair's rate, read once per request (a page converts many prices at one rate). */
    @SuppressWarnings("unchecked")
    private Cached rate(String from, String to) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Map<String, Cached> known = request == null ? null
                : (Map<String, Cached>) request.getAttribute(RATES, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            known = new HashMap<>();
            if (request != null) {
                request.setAttribute(RATES, known, RequestAttributes.SCOPE_REQUEST);
            }
        }
        return known.computeIfAbsent(from + to, pair -> {
            try {
                // A large amount, so that the rate the conversion reports carries all its decimals.
                var conversion = rates.convert(new Money(1_000_000, Currency.getInstance(from)), Currency.getInstance(to),
                        clock.instant());
                return new Cached(conversion.rate(), conversion.rateDay());
            } catch (ConflictException | IllegalArgumentException noRate) {
                return new Cached(null, null);
            }
        });
    }

    /** The currencies a reader may show prices in. */
    public java.util.List<String> choices() {
        return java.util.List.of("CNY", "EUR", "USD", "GBP", "HKD", "JPY", "TRY");
    }
}
