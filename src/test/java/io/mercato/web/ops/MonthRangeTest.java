package io.mercato.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthRangeTest {

    private static final YearMonth NOW = YearMonth.of(2026, 12);

    @Test
    void withoutAnythingAskedItIsTheLastTwelveMonths() {
        MonthRange range = MonthRange.of(null, null, null, NOW);
        assertThat(range.from()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(range.to()).isEqualTo(NOW);
        assertThat(range.preset()).isEqualTo(12);
    }

    @Test
    void aPresetEndsThisMonth() {
        MonthRange range = MonthRange.of("2024-01", "2024-05", 3, NOW);
        assertThat(range.from()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(range.to()).isEqualTo(NOW);
        assertThat(range.preset()).isEqualTo(3);
    }

    @Test
    void aRangeIsTurnedRoundCutToThirtySixMonthsAndNeverPastThisMonth() {
        assertThat(MonthRange.of("2026-06", "2026-02", null, NOW))
                .extracting(MonthRange::from, MonthRange::to).containsExactly(YearMonth.of(2026, 2), YearMonth.of(2026, 6));
        MonthRange long_ = MonthRange.of("2010-01", "2027-05", null, NOW);
        assertThat(long_.to()).isEqualTo(NOW);
        assertThat(long_.from()).isEqualTo(NOW.minusMonths(35));
        assertThat(long_.preset()).isZero();
    }

    @Test
    void monthsThatDoNotParseAreAsIfNotGiven() {
        MonthRange range = MonthRange.of("March", "2026-13", 5, NOW);
        assertThat(range.from()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(range.to()).isEqualTo(NOW);
    }
}
