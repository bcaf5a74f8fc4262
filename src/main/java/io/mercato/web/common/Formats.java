package io.mercato.web.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money and dates as the reader expects them: {@code ¥1,299.00} with the currency's symbol and minor units,
 * dates in the reader's locale and the marketplace's time zone. Templates call it as {@code @fmt}.
 */
@Component("fmt")
public final class Formats {

    private static final Map<String, String> SYMBOLS = Map.of("CNY", "¥", "USD", "$", "EUR", "€", "GBP", "£",
            "JPY", "JP¥", "HKD", "HK$", "TRY", "₺");

    private final ZoneId zone;

    Formats(@Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    /** The marketplace's time zone, which is also where every chart's days begin and end. */
    public ZoneId zone() {
        return zone;
    }

    public String money(long minor, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode.strip());
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        NumberFormat number = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        String symbol = SYMBOLS.getOrDefault(currency.getCurrencyCode(), currency.getCurrencyCode() + " ");
        String amount = number.format(BigDecimal.valueOf(Math.abs(minor), digits));
        return (minor < 0 ? "-" : "") + symbol + amount;
    }

    /** A price as typed into a form, in major units: {@code 1299.00}. */
    public String plain(long minor, String currencyCode) {
        int digits = Math.max(0, Currency.getInstance(currencyCode.strip()).getDefaultFractionDigits());
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    public static long parseMinor(String text, String currencyCode) {
        int digits = Math.max(0, Currency.getInstance(currencyCode.strip()).getDefaultFractionDigits());
        return new BigDecimal(text.strip().replace(",", "")).setScale(digits, RoundingMode.UNNECESSARY)
                .movePointRight(digits).longValueExact();
    }

    public String dateTime(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).withZone(zone).format(instant);
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).format(date);
    }

    public String percent(double ratio) {
        NumberFormat percent = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        percent.setMinimumFractionDigits(2);
        percent.setMaximumFractionDigits(2);
        return percent.format(ratio);
    }

    private static final java.util.regex.Pattern TRAILING_HAN = java.util.regex.Pattern.compile("(\\p{IsHan}{1,5})\\s*$");

    /**
     * A short label for the tile shown when a picture cannot load: a title's trailing Chinese noun (such as
     * 手机壳) when it has one, else the first letters of its first two words.
     */
    public String initials(String title) {
        java.util.regex.Matcher han = TRAILING_HAN.matcher(title);
        if (han.find()) {
            return han.group(1);
        }
        String[] words = title.strip().split("\\s+");
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < Math.min(2, words.length); i++) {
            if (!words[i].isEmpty()) {
                letters.appendCodePoint(words[i].codePointAt(0));
            }
        }
        return letters.isEmpty() ? "?" : letters.toString().toUpperCase(Locale.ROOT);
    }

    /** A stable hue per id, so placeholder tiles are told apart. */
    public int hue(long id) {
        return (int) ((id * 47) % 360);
    }
}
