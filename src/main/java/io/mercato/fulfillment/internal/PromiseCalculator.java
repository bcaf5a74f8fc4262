package io.mercato.fulfillment.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The delivery promise as one rule: an order placed before the warehouse's cut-off (in the warehouse's own zone)
 * on a working day leaves that day, otherwise on the next working day; it arrives after the lane's transit in
 * working days (a transit of 0, half-day city delivery, arrives the day it leaves). Saturdays, Sundays and the
 * country's holidays are not working days. Delivered before the end of the arrival day is on time.
 */
final class PromiseCalculator {

    /** Past this many non-working days in a row the calendar is surely wrong; refuse rather than loop. */
    private static final int MAX_DAYS_OFF = 60;

    private PromiseCalculator() {
    }

    record Calculated(LocalDate shipsOn, LocalDate arrivesBy, Instant promisedBy) {
    }

    static Calculated promise(Instant orderedAt, ZoneId warehouseZone, LocalTime cutoff, int transitDays,
            Set<LocalDate> holidays) {
        ZonedDateTime local = orderedAt.atZone(warehouseZone);
        LocalDate shipsOn = local.toLocalDate();
        if (!working(shipsOn, holidays) || !local.toLocalTime().isBefore(cutoff)) {
            shipsOn = nextWorking(shipsOn, holidays);
        }
        LocalDate arrivesBy = shipsOn;
        for (int i = 0; i < transitDays; i++) {
            arrivesBy = nextWorking(arrivesBy, holidays);
        }
        Instant promisedBy = arrivesBy.plusDays(1).atStartOfDay(warehouseZone).toInstant();
        return new Calculated(shipsOn, arrivesBy, promisedBy);
    }

    static boolean working(LocalDate day, Set<LocalDate> holidays) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    static LocalDate nextWorking(LocalDate after, Set<LocalDate> holidays) {
        LocalDate day = after.plusDays(1);
        for (int i = 0; !working(day, holidays); i++) {
            if (i > MAX_DAYS_OFF) {
                throw new IllegalStateException("No working day in the " + MAX_DAYS_OFF + " days after " + after
                        + "; check the holiday calendar");
            }
            day = day.plusDays(1);
        }
        return day;
    }
}
