package io.mercato.web.common;

import io.mercato.ordering.OrderStatistics.DailySales;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Daily sales of one currency laid out over every day of a range, zeros included, ready for a chart. */
public record Series(List<LocalDate> days, Map<LocalDate, DailySales> byDay, String currency) {

    public static Series daily(LocalDate from, LocalDate to, Collection<DailySales> sales, String currency) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day);
        }
        Map<LocalDate, DailySales> byDay = new TreeMap<>();
        sales.stream().filter(s -> s.gmv().currencyCode().equals(currency)).forEach(s -> byDay.put(s.day(), s));
        return new Series(days, byDay, currency);
    }

    public static List<Long> counts(LocalDate from, LocalDate to, Map<LocalDate, Long> perDay) {
        List<Long> counts = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            counts.add(perDay.getOrDefault(day, 0L));
        }
        return counts;
    }

    public List<String> labels() {
        return days.stream().map(d -> d.getMonthValue() + "/" + d.getDayOfMonth()).toList();
    }

    public List<BigDecimal> gmvMajor() {
        return days.stream().map(d -> major(byDay.containsKey(d) ? byDay.get(d).gmv().minor() : 0)).toList();
    }

    public List<Long> orders() {
        return days.stream().map(d -> byDay.containsKey(d) ? byDay.get(d).paidOrders() : 0L).toList();
    }

    public long gmvOn(LocalDate day) {
        return byDay.containsKey(day) ? byDay.get(day).gmv().minor() : 0;
    }

    public long ordersOn(LocalDate day) {
        return byDay.containsKey(day) ? byDay.get(day).paidOrders() : 0;
    }

    public long totalGmv() {
        return byDay.values().stream().mapToLong(s -> s.gmv().minor()).sum();
    }

    public long totalRefunded() {
        return byDay.values().stream().mapToLong(s -> s.refunded().minor()).sum();
    }

    public long totalOrders() {
        return byDay.values().stream().mapToLong(DailySales::paidOrders).sum();
    }

    public BigDecimal major(long minor) {
        return BigDecimal.valueOf(minor, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
