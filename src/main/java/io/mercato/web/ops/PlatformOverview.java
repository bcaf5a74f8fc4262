package io.mercato.web.ops;

import io.mercato.ordering.OrderStatistics.DailySales;
import io.mercato.payment.DailyAmount;
import io.mercato.web.common.Series;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's key figures over {@code from..today} in one currency, from the insights module's daily KPIs
 * (docs/kpis.md).
 * GMV is the value of orders paid (booked on the day of payment), GMV net of refunds subtracts what has been
 * refunded on those orders, CMR is the fees and commissions booked at settlement (net of fees given back) plus ad
 * revenue, the take rate is CMR / GMV, and
 * the average order value is GMV / paid orders. A period (or day) without GMV has a take rate of zero rather than
 * none. CMR is booked when an order completes and GMV when it is paid, so a day's take rate sets that day's
 * settlements against that day's payments, mostly of other orders; orders paid but not yet completed lower it.
 *
 * @param gmvSeries GMV per day, in major units for the chart
 * @param feeSeries CMR per day, in major units for the chart
 * @param takeRateSeries take rate per day, in percent with two decimals (truncated)
 * @param takeRate of the whole period, as a ratio (0.006 is 0.6%)
 * @param aov average order value in minor units, rounded down
 */
record PlatformOverview(List<String> days, List<BigDecimal> gmvSeries, List<Long> ordersSeries,
        List<BigDecimal> feeSeries, List<BigDecimal> takeRateSeries, List<Long> buyersSeries, List<Long> merchantsSeries,
        long gmv, long gmvNet, long paidOrders, long cmr, double takeRate, long aov, long newBuyers, long newMerchants,
        long todayGmv) {

    /**
     * @param sales paid orders per day and currency
     * @param fees customer management revenue per day and currency (fee revenue and ad revenue)
     * @param newBuyers buyers whose first paid order was that day
     * @param newMerchants stores opened per day
     */
    static PlatformOverview of(LocalDate from, LocalDate today, String currency, List<DailySales> sales,
            List<DailyAmount> fees, Map<LocalDate, Long> newBuyers, Map<LocalDate, Long> newMerchants) {
        Series series = Series.daily(from, today, sales, currency);
        Map<LocalDate, Long> feesByDay = new TreeMap<>();
        for (DailyAmount amount : fees) {
            if (amount.amount().currencyCode().equals(currency)) {
                feesByDay.merge(amount.day(), amount.amount().minor(), Long::sum);
            }
        }
        List<Long> feeSeries = Series.counts(from, today, feesByDay);
        List<BigDecimal> takeRates = new ArrayList<>();
        for (int i = 0; i < series.days().size(); i++) {
            takeRates.add(percent(feeSeries.get(i), series.gmvOn(series.days().get(i))));
        }
        long gmv = series.totalGmv();
        long cmr = feesByDay.values().stream().mapToLong(Long::longValue).sum();
        long paidOrders = series.totalOrders();
        return new PlatformOverview(series.labels(), series.gmvMajor(), series.orders(),
                feeSeries.stream().map(series::major).toList(), takeRates, Series.counts(from, today, newBuyers),
                Series.counts(from, today, newMerchants), gmv, gmv - series.totalRefunded(), paidOrders, cmr,
                gmv == 0 ? 0.0 : (double) cmr / gmv, paidOrders == 0 ? 0 : gmv / paidOrders, sum(newBuyers),
                sum(newMerchants), series.gmvOn(today));
    }

    private static BigDecimal percent(long feeMinor, long gmvMinor) {
        return gmvMinor == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(feeMinor * 10_000 / gmvMinor, 2);
    }

    private static long sum(Map<LocalDate, Long> perDay) {
        return perDay.values().stream().mapToLong(Long::longValue).sum();
    }
}
