package io.mercato.ordering;

import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Where an order is shipped. Validated on construction; each failure names its field. */
public record Address(String recipient, String phone, String line1, @Nullable String line2, String city,
        @Nullable String province, @Nullable String postalCode, String country) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{5,30}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9A-Za-z -]{2,12}");

    public Address {
        recipient = required("address.recipient", recipient, 100);
        phone = required("address.phone", phone, 30);
        if (!PHONE.matcher(phone).matches()) {
            throw new InvalidInputException("address.phone", Text.of("ordering.phoneNotPhoneNumber", phone));
        }
        line1 = required("address.line1", line1, 200);
        city = required("address.city", city, 100);
        country = required("address.country", country, 2);
        if (!COUNTRY.matcher(country).matches()) {
            throw new InvalidInputException("address.country", Text.of("ordering.countryMustISOCodeSuch", country));
        }
        if (line2 != null && line2.length() > 200) {
            throw new InvalidInputException("address.line2", Text.of("ordering.addressLine2LongerCharacters"));
        }
        if (province != null && province.length() > 100) {
            throw new InvalidInputException("address.province", Text.of("ordering.addressProvinceLongerCharacters"));
        }
        if (postalCode != null && !POSTAL_CODE.matcher(postalCode).matches()) {
            throw new InvalidInputException("address.postalCode", Text.of("ordering.postalCodeNotValid", postalCode));
        }
    }

    private static String required(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, Text.of("ordering.required", field));
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, Text.of("ordering.longerCharacters", field, max));
        }
        return value.strip();
    }
}
