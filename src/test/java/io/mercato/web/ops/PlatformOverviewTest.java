package io.mercato.web.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mercato.ordering.OrderStatistics.DailySales;
import io.mercato.payment.DailyAmount;
import io.mercato.platform.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformOverviewTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 11);
    private static final LocalDate FROM = TODAY.minusDays(3);

    @Test
    void gmvNetOfRefundsTakeRateAndAverageOrderValueOverThePeriod() {
        PlatformOverview overview = PlatformOverview.of(FROM, TODAY, "CNY",
                List.of(sales(FROM, 100_000, 5_000, 4), sales(TODAY, 20_000, 0, 2)),
                List.of(fees(FROM.plusDays(1), 600), fees(TODAY, 120)), Map.of(), Map.of());

        assertThat(overview.gmv()).isEqualTo(120_000);
        assertThat(overview.gmvNet()).isEqualTo(115_000);
        assertThat(overview.paidOrders()).isEqualTo(6);
        assertThat(overview.cmr()).isEqualTo(720);
        assertThat(overview.takeRate()).isCloseTo(0.006, within(1e-12));
        assertThat(overview.aov()).isEqualTo(20_000);
        assertThat(overview.todayGmv()).isEqualTo(20_000);
    }

    @Test
    void theDailyTakeRateIsInPercentWithTwoDecimalsAndZeroOnDaysWithoutGmv() {
        PlatformOverview overview = PlatformOverview.of(FROM, TODAY, "CNY",
                List.of(sales(FROM, 100_000, 0, 4), sales(FROM.plusDays(2), 30_000, 0, 1), sales(TODAY, 20_000, 0, 2)),
                List.of(fees(FROM, 600), fees(FROM.plusDays(1), 250), fees(FROM.plusDays(2), 1), fees(TODAY, 123)),
                Map.of(), Map.of());

        // The second day settled fees but sold nothing: no GMV, so no take rate rather than a division by zero.
        // 1 fen on ¥300 is 0.0033%, which truncates to 0.00.
        assertThat(overview.takeRateSeries()).containsExactly(new BigDecimal("0.60"), BigDecimal.ZERO,
                new BigDecimal("0.00"), new BigDecimal("0.61"));
        assertThat(overview.feeSeries()).containsExactly(new BigDecimal("6.00"), new BigDecimal("2.50"),
                new BigDecimal("0.01"), new BigDecimal("1.23"));
    }

    @Test
    void aPeriodWithoutSalesHasZeroTakeRateAndAverageOrderValue() {
        PlatformOverview overview = PlatformOverview.of(FROM, TODAY, "CNY", List.of(), List.of(fees(TODAY, 500)),
                Map.of(), Map.of());

        assertThat(overview.gmv()).isZero();
        assertThat(overview.gmvNet()).isZero();
        assertThat(overview.cmr()).isEqualTo(500);
        assertThat(overview.takeRate()).isZero();
        assertThat(overview.aov()).isZero();
        assertThat(overview.takeRateSeries()).containsOnly(BigDecimal.ZERO);
        assertThat(overview.gmvSeries()).hasSize(4).allMatch(gmv -> gmv.signum() == 0);
    }

    @Test
    void salesAndFeesInOtherCurrenciesAreLeftOut() {
        PlatformOverview overview = PlatformOverview.of(FROM, TODAY, "CNY",
                List.of(sales(TODAY, 10_000, 0, 1), new DailySales(TODAY, Money.of(99_999, "USD"), Money.of(0, "USD"), 9, 9)),
                List.of(fees(TODAY, 60), new DailyAmount(TODAY, Money.of(7_777, "USD"))), Map.of(), Map.of());

        assertThat(overview.gmv()).isEqualTo(10_000);
        assertThat(overview.paidOrders()).isEqualTo(1);
        assertThat(overview.cmr()).isEqualTo(60);
    }

    @Test
    void newBuyersAndMerchantsArePerDayAndInTotal() {
        PlatformOverview overview = PlatformOverview.of(FROM, TODAY, "CNY", List.of(), List.of(),
                Map.of(FROM, 3L, TODAY, 2L), Map.of(FROM.plusDays(1), 1L));

        assertThat(overview.days()).containsExactly("11/8", "11/9", "11/10", "11/11");
        assertThat(overview.buyersSeries()).containsExactly(3L, 0L, 0L, 2L);
        assertThat(overview.merchantsSeries()).containsExactly(0L, 1L, 0L, 0L);
        assertThat(overview.newBuyers()).isEqualTo(5);
        assertThat(overview.newMerchants()).isEqualTo(1);
    }

    private static DailySales sales(LocalDate day, long gmvMinor, long refundedMinor, long paidOrders) {
        return new DailySales(day, Money.of(gmvMinor, "CNY"), Money.of(refundedMinor, "CNY"), paidOrders, paidOrders);
    }

    private static DailyAmount fees(LocalDate day, long amountMinor) {
        return new DailyAmount(day, Money.of(amountMinor, "CNY"));
    }
}
