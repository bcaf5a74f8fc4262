package io.mercato.web.common;

import io.mercato.addressbook.AddressBook;
import io.mercato.addressbook.SavedAddress;
import io.mercato.fx.ExchangeRates;
import io.mercato.http.CurrentActor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Money;
import io.mercato.tax.CrossBorderTax;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.HashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Prices in the reader's display currency beside the store's: {@code ≈ €13.07}, with the rate and its day said once
 * per page. The charge stays in the store's currency; these amounts are the day's conversion, shown as approximate.
 * A buyer whose default delivery address is in the EU sees goods' prices VAT-inclusive at that country's rate
 * ({@code ≈ €15.55 incl. VAT}), as checkout will charge them (IOSS) or the border will. The reader's currency and
 * destination and each pair's rate are read once per request. Templates call it as {@code @local}.
 */
@Component("local")
public final class LocalPrices {

    private static final String ATTRIBUTE = LocalPrices.class.getName() + ".currency";
    private static final String RATES = LocalPrices.class.getName() + ".rates";
    private static final String VAT = LocalPrices.class.getName() + ".vat";

    private final ExchangeRates rates;
    private final Formats formats;
    private final MessageSource messages;
    private final Clock clock;
    private final AddressBook addresses;
    private final CrossBorderTax tax;
    private final java.time.ZoneId zone;

    LocalPrices(ExchangeRates rates, Formats formats, MessageSource messages, Clock clock, AddressBook addresses,
            CrossBorderTax tax, @org.springframework.beans.factory.annotation.Value("${mercato.web.time-zone:Asia/Shanghai}")
            String zone) {
        this.rates = rates;
        this.formats = formats;
        this.messages = messages;
        this.clock = clock;
        this.addresses = addresses;
        this.tax = tax;
        this.zone = java.time.ZoneId.of(zone);
    }

    /** The VAT an EU buyer's goods are shown with: the default address's country and its standard rate. */
    private record Vat(String country, int basisPoints) {
    }

    /** The signed-in buyer's VAT for display, read once per request; null for visitors and non-EU destinations. */
    private @Nullable Vat vat() {
        return perRequest(VAT, Vat.class, () -> CurrentActor.find()
                .filter(actor -> actor.role() == io.mercato.platform.Role.BUYER)
                .flatMap(actor -> addresses.list(actor).stream().findFirst())
                .map(SavedAddress::country)
                .filter(country -> CrossBorderTax.EU.contains(country))
                .flatMap(country -> {
                    var rate = tax.vatRate(country, LocalDate.ofInstant(clock.instant(), zone));
                    return rate.isPresent() ? java.util.Optional.of(new Vat(country, rate.getAsInt()))
                            : java.util.Optional.<Vat>empty();
                })
                .orElse(null));
    }

    /**
     * A value worked out at most once per request (null included, kept as {@code FALSE}); outside a request, every
     * time.
     */
    private static <T> @Nullable T perRequest(String attribute, Class<T> type, Supplier<@Nullable T> compute) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            Object known = request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
            if (known != null) {
                return type.isInstance(known) ? type.cast(known) : null;
            }
        }
        T value = compute.get();
        if (request != null) {
            request.setAttribute(attribute, value == null ? Boolean.FALSE : value, RequestAttributes.SCOPE_REQUEST);
        }
        return value;
    }

    /** Whether goods' prices get a second line: converted, VAT-inclusive, or both. */
    public boolean showsGoods(@Nullable String from) {
        return from != null && (vat() != null || shows(from));
    }

    /**
     * A goods price as the reader would pay it: VAT-inclusive for an EU destination ({@code ≈ €15.55 incl. VAT}, or
     * {@code ¥119.00 incl. VAT} without a display currency), else as {@link #approx}.
     */
    public String goods(long minor, @Nullable String from) {
        Vat vat = vat();
        if (from == null || vat == null) {
            return approx(minor, from);
        }
        long withVat = BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(10_000L + vat.basisPoints()))
                .divide(BigDecimal.valueOf(10_000L), 0, RoundingMode.HALF_UP).longValueExact();
        if (shows(from)) {
            return messages.getMessage("vat.price.approx", new Object[] {formats.money(convert(withVat, from), currency())},
                    LocaleContextHolder.getLocale());
        }
        return messages.getMessage("vat.price.exact", new Object[] {formats.money(withVat, from.strip())},
                LocaleContextHolder.getLocale());
    }

    private record Cached(@Nullable BigDecimal rate, @Nullable LocalDate day) {
    }

    /** The signed-in reader's display currency, if any; null for visitors. */
    public @Nullable String currency() {
        return perRequest(ATTRIBUTE, String.class, () -> CurrentActor.find()
                .map(actor -> rates.displayCurrency(actor.accountId())).map(Currency::getCurrencyCode).orElse(null));
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
        return messages.getMessage("xb2.price.approx", new Object[] {formats.money(convert(minor, from), currency())},
                LocaleContextHolder.getLocale());
    }

    /** The amount in the reader's currency at the day's rate (callers check {@link #shows} first). */
    private long convert(long minor, String from) {
        String to = currency();
        Cached rate = rate(from.strip(), to);
        int fromDigits = Math.max(0, Currency.getInstance(from.strip()).getDefaultFractionDigits());
        int toDigits = Math.max(0, Currency.getInstance(to).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, fromDigits).multiply(rate.rate())
                .setScale(toDigits, RoundingMode.HALF_UP).movePointRight(toDigits).longValueExact();
    }

    /** The VAT the goods' prices include and why, for an EU destination; empty otherwise. */
    public String vatNote() {
        Vat vat = vat();
        if (vat == null) {
            return "";
        }
        return messages.getMessage("vat.price.note", new Object[] {
                // Country names from the JDK's locale data (CLDR), in the reader's language.
                java.util.Locale.of("", vat.country()).getDisplayCountry(LocaleContextHolder.getLocale()),
                BigDecimal.valueOf(vat.basisPoints(), 2).stripTrailingZeros().toPlainString()},
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
