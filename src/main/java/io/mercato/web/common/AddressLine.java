package io.mercato.web.common;

import io.mercato.ordering.Address;
import org.springframework.stereotype.Component;

/**
 * Templates' {@code @addressLine}: an order's address in one line, largest place first as Chinese addresses are
 * written, with the province and postcode that used to be saved but not shown; the country when it is not China.
 */
@Component("addressLine")
public final class AddressLine {

    public String of(Address a) {
        StringBuilder line = new StringBuilder();
        line.append(a.recipient()).append(", ").append(a.phone()).append(", ");
        if (a.province() != null && !a.province().equals(a.city())) {
            line.append(a.province()).append(' ');
        }
        line.append(a.city()).append(' ');
        if (a.line2() != null) {
            line.append(a.line2()).append(' ');
        }
        line.append(a.line1());
        if (a.postalCode() != null) {
            line.append(", ").append(a.postalCode());
        }
        if (!a.country().equals("CN")) {
            line.append(", ").append(a.country());
        }
        return line.toString();
    }
}
