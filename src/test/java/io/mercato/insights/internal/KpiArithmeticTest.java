package io.mercato.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.insights.Grain;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The KPI arithmetic of docs/kpis.md on small cases computed by hand. */
class KpiArithmeticTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void periodsStartOnMondaysFirstsOfMonthsAndCalendarQuarters() {
        LocalDate friday = MONDAY.plusDays(4);
        assertThat(Grain.WEEK.start(friday)).isEqualTo(MONDAY);
        assertThat(Grain.WEEK.label(MONDAY)).isEqualTo("2026-W50");
        assertThat(Grain.MONTH.start(friday)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(Grain.QUARTER.start(friday)).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(Grain.QUARTER.label(LocalDate.of(2026, 10, 1))).isEqualTo("2026Q4");
        assertThat(Grain.QUARTER.next(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Grain.YEAR.label(Grain.YEAR.start(friday))).isEqualTo("2026");
    }

    @Test
    void gmvAsReportedConvertsEachDayAtThatDaysRate() {
        // 100.00 USD on Monday at 7.10 and 50.00 USD on Wednesday, when Tuesday's 7.20 is the latest rate, plus ¥10.00.
        Map<String, Map<LocalDate, Long>> gmv = Map.of(
                "USD", Map.of(MONDAY, 10_000L, MONDAY.plusDays(2), 5_000L),
                "CNY", Map.of(MONDAY, 1_000L));
        NavigableMap<LocalDate, BigDecimal> usd = new TreeMap<>(Map.of(MONDAY, new BigDecimal("7.10"),
                MONDAY.plusDays(1), new BigDecimal("7.20")));
        Long reported = DefaultInsights.reported(gmv, Map.of("USD", usd, "CNY", new TreeMap<>()), MONDAY,
                MONDAY.plusDays(6));
        // 710.00 + 360.00 + 10.00
        assertThat(reported).isEqualTo(108_000L);
        assertThat(DefaultInsights.reported(gmv, Map.of("USD", usd, "CNY", new TreeMap<>()), MONDAY, MONDAY))
                .isEqualTo(72_000L);
    }

    @Test
    void gmvAsReportedIsUnknownWhenADayHasNoRate() {
        Map<String, Map<LocalDate, Long>> gmv = Map.of("EUR", Map.of(MONDAY, 10_000L));
        assertThat(DefaultInsights.reported(gmv, Map.of("EUR", new TreeMap<>()), MONDAY, MONDAY)).isNull();
    }

    @Test
    void growthIsTheChangeOverTheEarlierFigureAndNoneFromZero() {
        assertThat(DefaultInsights.growth(112, 100)).isEqualTo(0.12);
        assertThat(DefaultInsights.growth(50, -100)).isEqualTo(1.5);
        assertThat(DefaultInsights.growth(5, 0)).isNull();
    }

    @Test
    void theCostModelChargesBasisPointsOfGmvAndOfRevenueRoundedHalfUp() {
        SegmentCosts defaults = SegmentCosts.from(new MockEnvironment());
        // Supermarket: 85% of ¥1,000.00 revenue.
        assertThat(defaults.cost("SUPERMARKET", 100_000, 100_000)).isEqualTo(85_000);
        // Taobao: 0.30% of ¥333.33 GMV (99.999 -> 100) and 20% of ¥2.00 revenue (40).
        assertThat(defaults.cost("TAOBAO", 33_333, 200)).isEqualTo(140);
        SegmentCosts configured = SegmentCosts.from(new MockEnvironment()
                .withProperty("mercato.insights.cost.LOCAL.gmv-bp", "500")
                .withProperty("mercato.insights.cost.LOCAL.revenue-bp", "0"));
        assertThat(configured.cost("LOCAL", 10_000, 9_999)).isEqualTo(500);
        assertThat(configured.view().gmvCostBp()).containsEntry("LOCAL", 500).containsEntry("TMALL", 30);
    }
}
