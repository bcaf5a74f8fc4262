package io.mercato.web.seller;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.ordering.OrderStatistics.DailySales;
import io.mercato.platform.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SellerDashboardTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 11);
    private static final LocalDate FROM = TODAY.minusDays(2);

    @Test
    void everyDayOfThePeriodHasAFigureAndDaysWithoutSalesOrVisitsCountZero() {
        SellerDashboard dashboard = SellerDashboard.of(FROM, TODAY,
                List.of(sales(FROM, "CNY", 12_990, 2)), Map.of(TODAY, 7L));

        assertThat(dashboard.days()).containsExactly("11/9", "11/10", "11/11");
        assertThat(dashboard.gmv()).containsExactly(new BigDecimal("129.90"), new BigDecimal("0.00"),
                new BigDecimal("0.00"));
        assertThat(dashboard.orders()).containsExactly(2L, 0L, 0L);
        assertThat(dashboard.visitors()).containsExactly(0L, 0L, 7L);
    }

    @Test
    void todayAndThePeriodAddUpTheDays() {
        SellerDashboard dashboard = SellerDashboard.of(FROM, TODAY,
                List.of(sales(FROM, "CNY", 10_000, 2), sales(TODAY, "CNY", 2_500, 1)),
                Map.of(FROM, 3L, TODAY, 4L));

        assertThat(dashboard.todayGmv()).isEqualTo(2_500);
        assertThat(dashboard.todayOrders()).isEqualTo(1);
        assertThat(dashboard.todayVisitors()).isEqualTo(4);
        assertThat(dashboard.monthGmv()).isEqualTo(12_500);
        assertThat(dashboard.monthOrders()).isEqualTo(3);
        assertThat(dashboard.monthVisitors()).isEqualTo(7);
    }

    @Test
    void salesInOtherCurrenciesAreLeftOut() {
        SellerDashboard dashboard = SellerDashboard.of(FROM, TODAY,
                List.of(sales(TODAY, "USD", 9_999, 5), sales(TODAY, "CNY", 100, 1)), Map.of());

        assertThat(dashboard.todayGmv()).isEqualTo(100);
        assertThat(dashboard.monthOrders()).isEqualTo(1);
    }

    @Test
    void aQuietPeriodIsAllZeros() {
        SellerDashboard dashboard = SellerDashboard.of(FROM, TODAY, List.of(), Map.of());

        assertThat(dashboard.gmv()).hasSize(3).allMatch(gmv -> gmv.signum() == 0);
        assertThat(dashboard.todayGmv()).isZero();
        assertThat(dashboard.todayVisitors()).isZero();
        assertThat(dashboard.monthGmv()).isZero();
        assertThat(dashboard.monthVisitors()).isZero();
    }

    private static DailySales sales(LocalDate day, String currency, long gmvMinor, long paidOrders) {
        return new DailySales(day, Money.of(gmvMinor, currency), Money.of(0, currency), paidOrders, paidOrders);
    }
}
