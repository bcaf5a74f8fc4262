package io.mercato.web.ops;

import io.mercato.ordering.OrderStatistics.DailySales;
import io.mercato.pricing.Festivals.Festival;
import io.mercato.pricing.Vouchers;
import io.mercato.web.common.Series;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * A festival's running figures for the console: GMV and paid orders of its enrolled SKUs per day over the festival
 * (from the presale's first day), the vouchers its pools issued and buyers used, and the subsidy spent: the
 * platform-funded discounts (vouchers, threshold discounts, subsidised and member prices) on those lines.
 */
record FestivalFigures(Series series, long vouchersIssued, long vouchersUsed, long subsidyMinor) {

    static LocalDate firstDay(Festival festival, ZoneId zone) {
        Instant first = festival.presaleFrom() != null && festival.presaleFrom().isBefore(festival.startsAt())
                ? festival.presaleFrom() : festival.startsAt();
        return LocalDate.ofInstant(first, zone);
    }

    static LocalDate lastDay(Festival festival, ZoneId zone) {
        return LocalDate.ofInstant(festival.endsAt().minusNanos(1), zone);
    }

    static FestivalFigures of(LocalDate from, LocalDate to, Collection<DailySales> sales, List<Vouchers.Pool> pools,
            java.util.Map<String, Long> platformFunded, String currency) {
        long issued = pools.stream().mapToLong(Vouchers.Pool::issued).sum();
        long used = pools.stream().mapToLong(Vouchers.Pool::used).sum();
        return new FestivalFigures(Series.daily(from, to, sales, currency), issued, used,
                platformFunded.getOrDefault(currency, 0L));
    }

    public long gmvMinor() {
        return series.totalGmv();
    }

    public long orders() {
        return series.totalOrders();
    }

    public List<String> labels() {
        return series.labels();
    }

    public List<BigDecimal> gmvMajor() {
        return series.gmvMajor();
    }

    public List<Long> ordersPerDay() {
        return series.orders();
    }

    public String currency() {
        return series.currency();
    }
}
