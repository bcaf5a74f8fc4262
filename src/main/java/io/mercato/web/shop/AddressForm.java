package io.mercato.web.shop;

import io.mercato.ordering.Address;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The checkout's address fields as typed; blank optional fields become absent, the country code upper case. */
record AddressForm(String recipient, String phone, String line1, String line2, String city, String province,
        String postalCode, String country) {

    static AddressForm blank() {
        return new AddressForm("", "", "", "", "", "", "", "CN");
    }

    static AddressForm of(Address a) {
        return new AddressForm(a.recipient(), a.phone(), a.line1(), a.line2() == null ? "" : a.line2(), a.city(),
                a.province() == null ? "" : a.province(), a.postalCode() == null ? "" : a.postalCode(), a.country());
    }

    /** An address from the buyer's book: the district goes on the second line, the street on the first. */
    static AddressForm of(io.mercato.addressbook.SavedAddress a) {
        return new AddressForm(a.recipient(), a.phone(), a.detail(), a.district() == null ? "" : a.district(), a.city(),
                a.province() == null ? "" : a.province(), a.postalCode() == null ? "" : a.postalCode(), a.country());
    }

    /** The fields by name, in the order the form shows them. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("recipient", recipient);
        values.put("phone", phone);
        values.put("line1", line1);
        values.put("line2", line2);
        values.put("city", city);
        values.put("province", province);
        values.put("postalCode", postalCode);
        values.put("country", country);
        return values;
    }

    Address toAddress() {
        return new Address(recipient, phone, line1, blank(line2), city, blank(province), blank(postalCode),
                country == null ? "" : country.strip().toUpperCase(Locale.ROOT));
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
