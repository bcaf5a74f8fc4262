package io.mercato.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 12, 3).atStartOfDay(SHANGHAI).plusHours(10)
            .toInstant(), SHANGHAI);

    private static DateRange range(LocalDate from, LocalDate to, Integer days) {
        return DateRange.of(from, to, days, CLOCK, new Formats("Asia/Shanghai"));
    }

    @Test
    void withoutDatesItIsTheLastThirtyDaysAndThatPresetIsOn() {
        DateRange range = range(null, null, null);
        assertThat(range.from()).isEqualTo(LocalDate.of(2026, 11, 4));
        assertThat(range.to()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(range.preset()).isEqualTo(30);
    }

    @Test
    void aPresetEndsTodayAndAnUnknownPresetIsIgnored() {
        assertThat(range(null, null, 7).from()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(range(null, null, 8).preset()).isEqualTo(30);
    }

    @Test
    void aRangeIsTurnedRoundCutAtTodayAndAtAYear() {
        DateRange backwards = range(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 1), null);
        assertThat(backwards.from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(backwards.to()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(backwards.preset()).isZero();
        assertThat(range(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1), null).to())
                .isEqualTo(LocalDate.of(2026, 12, 3));
        DateRange long_ = range(LocalDate.of(2020, 1, 1), null, null);
        assertThat(long_.from()).isEqualTo(LocalDate.of(2026, 12, 3).minusDays(DateRange.MAX_DAYS - 1L));
    }
}
