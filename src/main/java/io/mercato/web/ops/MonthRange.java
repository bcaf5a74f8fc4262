package io.mercato.web.ops;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The months a monthly chart shows: from and to as asked ({@code 2026-03}), else the last twelve months up to this
 * one. A range ending after this month ends this month, one starting after its end is turned round, one longer than
 * 36 months is cut to the 36 before its end; a month that does not parse is as if not given.
 *
 * @param preset the number of months of the preset that this range equals, or 0
 */
public record MonthRange(YearMonth from, YearMonth to, YearMonth current, int preset) {

    static final int DEFAULT_MONTHS = 12;
    static final int MAX_MONTHS = 36;
    static final List<Integer> PRESETS = List.of(3, 6, 12, 24);

    static MonthRange of(@Nullable String from, @Nullable String to, @Nullable Integer months, YearMonth current) {
        YearMonth end = parse(to);
        end = end == null || end.isAfter(current) ? current : end;
        YearMonth start;
        if (months != null && PRESETS.contains(months)) {
            end = current;
            start = current.minusMonths(months - 1L);
        } else {
            YearMonth asked = parse(from);
            start = asked == null ? end.minusMonths(DEFAULT_MONTHS - 1L) : asked;
        }
        if (start.isAfter(end)) {
            YearMonth swap = start;
            start = end;
            end = swap;
        }
        if (start.plusMonths(MAX_MONTHS - 1L).isBefore(end)) {
            start = end.minusMonths(MAX_MONTHS - 1L);
        }
        long length = start.until(end, java.time.temporal.ChronoUnit.MONTHS) + 1;
        int preset = end.equals(current) && PRESETS.contains((int) length) ? (int) length : 0;
        return new MonthRange(start, end, current, preset);
    }

    private static @Nullable YearMonth parse(@Nullable String month) {
        if (month == null || month.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public List<Integer> presets() {
        return PRESETS;
    }
}
