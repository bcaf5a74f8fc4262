package io.mercato.addressbook;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An address in a buyer's book. For China the region codes are set and the names are the region list's; abroad
 * they are null and the names are what the buyer typed.
 *
 * @param detail the street, building and door ("1 Wensan Road, Building 3, Room 1201")
 */
public record SavedAddress(long id, long buyerId, String recipient, String phone, String country,
        @Nullable String provinceCode, @Nullable String cityCode, @Nullable String districtCode,
        @Nullable String province, String city, @Nullable String district, String detail,
        @Nullable String postalCode, boolean isDefault, Instant updatedAt) {

    /** The address in one line, largest place first as Chinese addresses are written. */
    public String oneLine() {
        StringBuilder line = new StringBuilder();
        if (province != null && !province.equals(city)) {
            line.append(province).append(' ');
        }
        line.append(city).append(' ');
        if (district != null) {
            line.append(district).append(' ');
        }
        line.append(detail);
        if (postalCode != null) {
            line.append(" (").append(postalCode).append(')');
        }
        return line.toString();
    }
}
