package io.mercato.instant;

import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a seller (or an operator) sets to make a local store local. Hours may pass midnight ({@code closes} before
 * {@code opens}); equal hours mean open all day. Money in the store's currency, minor units.
 *
 * @param commissionBasisPoints the platform's commission on the order's goods, recorded in the unit economics
 * @param riderPayMinor what the platform pays the rider per delivery
 * @param subsidyMinor what the platform adds per delivery to keep the buyer's fee low
 */
public record LocalStoreSettings(Position location, String timeZone, LocalTime opens, LocalTime closes, int prepMinutes,
        DeliveryZone zone, long deliveryFeeMinor, int commissionBasisPoints, long riderPayMinor, long subsidyMinor) {

    public LocalStoreSettings {
        if (location == null) {
            throw new InvalidInputException("location", Text.of("instant.field.required", "location"));
        }
        if (zone == null) {
            throw new InvalidInputException("zone", Text.of("instant.field.required", "zone"));
        }
        if (opens == null || closes == null) {
            throw new InvalidInputException(opens == null ? "opens" : "closes", Text.of("instant.field.required", opens == null ? "opens" : "closes"));
        }
        try {
            ZoneId.of(Objects.requireNonNullElse(timeZone, ""));
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", Text.of("instant.store.timeZone", String.valueOf(timeZone)));
        }
        if (prepMinutes < 0 || prepMinutes > 120) {
            throw new InvalidInputException("prepMinutes", Text.of("instant.store.prep", prepMinutes));
        }
        if (commissionBasisPoints < 0 || commissionBasisPoints > 10_000) {
            throw new InvalidInputException("commissionBasisPoints", Text.of("instant.store.commission", commissionBasisPoints));
        }
        nonNegative("deliveryFeeMinor", deliveryFeeMinor);
        nonNegative("riderPayMinor", riderPayMinor);
        nonNegative("subsidyMinor", subsidyMinor);
    }

    private static void nonNegative(String field, long minor) {
        if (minor < 0 || minor > 100_000_00L) {
            throw new InvalidInputException(field, Text.of("instant.store.amount", minor));
        }
    }
}
