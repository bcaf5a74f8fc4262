package io.mercato.web.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The days a chart shows: from and to as asked, else the last 30 days up to today. A range ending after today ends
 * today, one starting after its end is turned round, and one longer than a year is cut to the year before its end.
 *
 * @param preset the number of days of the preset that this range equals, or 0
 */
public record DateRange(LocalDate from, LocalDate to, LocalDate today, int preset) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;
    public static final List<Integer> PRESETS = List.of(7, 30, 90, 365);

    public static DateRange of(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Integer days, Clock clock,
            Formats formats) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), formats.zone());
        LocalDate end = to == null || to.isAfter(today) ? today : to;
        LocalDate start;
        if (days != null && PRESETS.contains(days)) {
            end = today;
            start = today.minusDays(days - 1L);
        } else {
            start = from == null ? end.minusDays(DEFAULT_DAYS - 1L) : from;
        }
        if (start.isAfter(end)) {
            LocalDate swap = start;
            start = end;
            end = swap;
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            start = end.minusDays(MAX_DAYS - 1L);
        }
        long length = ChronoUnit.DAYS.between(start, end) + 1;
        int preset = end.equals(today) && PRESETS.contains((int) length) ? (int) length : 0;
        return new DateRange(start, end, today, preset);
    }

    public List<Integer> presets() {
        return PRESETS;
    }
}
