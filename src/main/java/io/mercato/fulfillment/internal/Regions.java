package io.mercato.fulfillment.internal;

import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Regions as lanes name them: {@code COUNTRY-PROVINCE} (or {@code COUNTRY-CITY} without a province), such as
 * {@code CN-ZHEJIANG}. A lane's destination may also be a whole country ({@code DE}) or anywhere ({@code *}).
 */
final class Regions {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern PATTERN = Pattern.compile("\\*|[A-Z]{2}|[A-Z]{2}-[A-Z0-9 .'-]{1,60}");

    private Regions() {
    }

    static String of(String country, @Nullable String province, @Nullable String city) {
        String part = province != null && !province.isBlank() ? province : city;
        return part == null || part.isBlank() ? country : country + "-" + part.strip().toUpperCase(Locale.ROOT);
    }

    /** The destinations a lane may name for this region, most specific first. */
    static List<String> candidates(String region) {
        int dash = region.indexOf('-');
        return dash < 0 ? List.of(region, "*") : List.of(region, region.substring(0, dash), "*");
    }

    static String country(String field, @Nullable String country) {
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new InvalidInputException(field, Text.of("fulfillment.countryMustISOCodeSuch", country));
        }
        return country;
    }

    /** A lane end as typed by an operator, upper-cased; refused unless it is a region, a country or *. */
    static String pattern(String field, @Nullable String text) {
        String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!PATTERN.matcher(value).matches()) {
            throw new InvalidInputException(field, Text.of("fulfillment.mustRegionSuchCNZHEJIANG", field, text));
        }
        return value;
    }
}
