package io.mercato.web.seller;

import io.mercato.ordering.OrderStatistics.DailySales;
import io.mercato.web.common.Series;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The seller dashboard's figures over {@code from..today}: GMV (in yuan), paid orders and distinct visitors per day
 * for the charts, and today's and the whole period's figures for the tiles. Days without sales or visits count zero;
 * sales in other currencies are left out, as the dashboard shows yuan only.
 *
 * @param gmv per day, in major units for the chart
 * @param todayGmv in minor units
 * @param monthGmv in minor units
 */
record SellerDashboard(List<String> days, List<BigDecimal> gmv, List<Long> orders, List<Long> visitors, long todayGmv,
        long todayOrders, long todayVisitors, long monthGmv, long monthOrders, long monthVisitors) {

    static final String CURRENCY = "CNY";

    static SellerDashboard of(LocalDate from, LocalDate today, List<DailySales> sales, Map<LocalDate, Long> visitors) {
        Series series = Series.daily(from, today, sales, CURRENCY);
        return new SellerDashboard(series.labels(), series.gmvMajor(), series.orders(),
                Series.counts(from, today, visitors), series.gmvOn(today), series.ordersOn(today),
                visitors.getOrDefault(today, 0L), series.totalGmv(), series.totalOrders(),
                visitors.values().stream().mapToLong(Long::longValue).sum());
    }
}
