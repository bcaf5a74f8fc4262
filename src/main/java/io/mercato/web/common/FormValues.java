package io.mercato.web.common;

import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Text;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Values typed into the promotion forms: amounts in major units and local dates and times, refused naming the field. */
public final class FormValues {

    private FormValues() {
    }

    public static @Nullable Money money(String field, @Nullable String text, String currency) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new Money(Formats.parseMinor(text, currency), Currencies.parse(currency));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(field, Text.of("web.amountSuchGot", text.strip()));
        }
    }

    public static @Nullable Instant instant(String field, @Nullable String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Text.of("web.dateTimeSuchT09"));
        }
    }

    public static @Nullable Long whole(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, Text.of("web.wholeNumberGot", text.strip()));
        }
    }
}
