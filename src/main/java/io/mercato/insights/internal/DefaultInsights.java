package io.mercato.insights.internal;

import io.mercato.fx.ExchangeRates;
import io.mercato.insights.Grain;
import io.mercato.insights.Insights;
import io.mercato.insights.internal.KpiSource.Sales;
import io.mercato.membership.MembershipFigures;
import io.mercato.merchant.StoreKind;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/** Computes the KPIs of docs/kpis.md from the roll-up tables. */
@Service
class DefaultInsights implements Insights {

    /** The longest range one request may cover, so every answer stays a few small reads. */
    static final int MAX_DAYS = 3 * 366;

    /** The most facts a page folds before it reads (about a tenth of a second's work). */
    static final int PAGE_FOLD = 2_000;

    private final KpiSource source;
    private final RollUp rollUp;
    private final Recompute recompute;
    private final BookedFigures booked;
    private final ExchangeRates rates;
    private final MembershipFigures memberships;
    private final SegmentCosts costModel;
    private final Clock clock;
    private final ZoneId zone;
    private final @Nullable YearMonth reference;

    DefaultInsights(KpiSource source, RollUp rollUp, Recompute recompute, BookedFigures booked, ExchangeRates rates,
            MembershipFigures memberships, Environment environment, Clock clock,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone,
            @Value("${mercato.insights.constant-currency-reference:}") String reference) {
        this.source = source;
        this.rollUp = rollUp;
        this.recompute = recompute;
        this.booked = booked;
        this.rates = rates;
        this.memberships = memberships;
        this.costModel = SegmentCosts.from(environment);
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.reference = reference.isBlank() ? null : YearMonth.parse(reference);
    }

    @Override
    public List<KpiRow> kpis(Actor operator, LocalDate from, LocalDate to, Grain grain, String currency,
            String segment) {
        operator.require(Role.OPERATOR);
        check(from, to);
        Currencies.parse(currency);
        String only = segment(segment);
        return rows(operator, from, to, grain, currency, only, reference == null ? YearMonth.from(from) : reference);
    }

    private List<KpiRow> rows(Actor operator, LocalDate from, LocalDate to, Grain grain, String currency,
            @Nullable String segment, YearMonth constantReference) {
        boolean platform = segment == null;
        Map<LocalDate, Sales> sales = source.sales(from, to, currency, segment);
        Map<String, Map<LocalDate, Long>> booked = platform ? source.booked(from, to, currency) : Map.of();
        Map<LocalDate, Long> newBuyers = platform ? source.newBuyers(from, to) : Map.of();
        Map<LocalDate, long[]> activity = platform ? source.activity(from, to) : Map.of();
        Map<String, Map<LocalDate, Long>> gmvByCurrency = source.gmvByCurrency(from, to, segment);
        Map<String, NavigableMap<LocalDate, BigDecimal>> cnyRates = cnyRates(gmvByCurrency.keySet(), from, to);
        Map<LocalDate, Sales> yearSales = platform
                ? source.sales(YearMonth.from(from).minusMonths(11).atDay(1), to, currency, null) : Map.of();
        Map<YearMonth, Long> activeCache = new HashMap<>();
        Map<YearMonth, Long> vipCache = new HashMap<>();
        List<KpiRow> rows = new ArrayList<>();
        for (LocalDate start = grain.start(from); !start.isAfter(to); start = grain.next(start)) {
            LocalDate first = start.isBefore(from) ? from : start;
            LocalDate last = grain.next(start).minusDays(1);
            last = last.isAfter(to) ? to : last;
            Sales total = Sales.NONE;
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                total = total.plus(sales.getOrDefault(day, Sales.NONE));
            }
            long gmv = total.gmvMinor();
            long net = gmv - total.refundedMinor();
            Long fees = platform ? sum(booked.get("FEES"), first, last) : null;
            Long ads = platform ? sum(booked.get("ADS"), first, last) : null;
            Long cmr = platform ? fees + ads : null;
            YearMonth endMonth = YearMonth.from(last);
            Long active = platform ? activeCache.computeIfAbsent(endMonth,
                    source::annualActive) : null;
            Long arpu = null;
            if (platform && active > 0) {
                LocalDate yearFrom = endMonth.minusMonths(11).atDay(1);
                long yearGmv = 0;
                for (Map.Entry<LocalDate, Sales> day : yearSales.entrySet()) {
                    if (!day.getKey().isBefore(yearFrom) && !day.getKey().isAfter(last)) {
                        yearGmv += day.getValue().gmvMinor();
                    }
                }
                arpu = yearGmv / active;
            }
            Long dau = null;
            Long mau = null;
            if (platform) {
                long visitorDays = 0;
                for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                    long[] counts = activity.get(day);
                    visitorDays += counts == null ? 0 : counts[0];
                }
                dau = visitorDays / (ChronoUnit.DAYS.between(first, last) + 1);
                mau = source.monthlyVisitors(endMonth);
            }
            Long vip = platform && grain != Grain.DAY && grain != Grain.WEEK
                    ? vipCache.computeIfAbsent(endMonth, month -> memberships.members(operator, month)) : null;
            rows.add(new KpiRow(grain.label(start), first, last, segment == null ? ALL : segment, currency,
                    total.placedOrders(), total.paidOrders(), gmv, total.refundedMinor(), net,
                    total.paidOrders() == 0 ? 0 : gmv / total.paidOrders(),
                    gmv == 0 ? null : ratio(total.refundedMinor(), gmv), total.revenueMinor(), fees, ads, cmr,
                    platform && gmv != 0 ? ratio(cmr, gmv) : null,
                    platform ? sum(booked.get("SUBSIDY"), first, last) : null,
                    platform ? sum(booked.get("MEMBERSHIP"), first, last) : null,
                    platform ? sum(newBuyers, first, last) : null,
                    platform ? sum(booked.get(BookedFigures.NEW_MERCHANTS), first, last) : null,
                    platform ? sum(booked.get(BookedFigures.AD_MERCHANTS), first, last)
                            / (ChronoUnit.DAYS.between(first, last) + 1) : null,
                    active, arpu, dau, mau, vip,
                    reported(gmvByCurrency, cnyRates, first, last),
                    constant(gmvByCurrency, first, last, constantReference)));
        }
        return rows;
    }

    @Override
    public List<SegmentRow> segments(Actor operator, LocalDate from, LocalDate to, String currency) {
        operator.require(Role.OPERATOR);
        check(from, to);
        Currencies.parse(currency);
        return segmentRows(from, to, currency);
    }

    private List<SegmentRow> segmentRows(LocalDate from, LocalDate to, String currency) {
        Map<String, Sales> segments = source.bySegment(from, to, currency);
        Map<String, Map<LocalDate, Long>> booked = source.booked(from, to, currency);
        long ads = sum(booked.get("ADS"), from, to);
        long subsidy = sum(booked.get("SUBSIDY"), from, to);
        long gmv = segments.values().stream().mapToLong(Sales::gmvMinor).sum();
        List<SegmentRow> rows = new ArrayList<>();
        for (StoreKind kind : StoreKind.values()) {
            Sales sales = segments.getOrDefault(kind.name(), Sales.NONE);
            double share = gmv == 0 ? 0 : (double) sales.gmvMinor() / gmv;
            long adShare = gmv == 0 ? 0 : BigDecimal.valueOf(ads).multiply(BigDecimal.valueOf(sales.gmvMinor()))
                    .divide(BigDecimal.valueOf(gmv), 0, RoundingMode.HALF_UP).longValueExact();
            long subsidyShare = gmv == 0 ? 0 : BigDecimal.valueOf(subsidy)
                    .multiply(BigDecimal.valueOf(sales.gmvMinor()))
                    .divide(BigDecimal.valueOf(gmv), 0, RoundingMode.HALF_UP).longValueExact();
            long cost = costModel.cost(kind.name(), sales.gmvMinor(), sales.revenueMinor()) + subsidyShare;
            rows.add(new SegmentRow(kind.name(), sales.paidOrders(), sales.gmvMinor(), sales.refundedMinor(), share,
                    sales.revenueMinor(), adShare, cost, sales.revenueMinor() + adShare - cost));
        }
        return rows;
    }

    @Override
    public List<CohortRow> cohorts(Actor operator, YearMonth from, YearMonth to, Grain grain) {
        operator.require(Role.OPERATOR);
        if (grain != Grain.MONTH && grain != Grain.YEAR) {
            throw new InvalidInputException("grain", Text.of("insights.cohort.grain"));
        }
        if (to.isBefore(from) || from.plusMonths(120).isBefore(to)) {
            throw new InvalidInputException("to", Text.of("insights.range.cohorts"));
        }
        YearMonth now = YearMonth.from(LocalDate.ofInstant(clock.instant(), zone));
        Map<LocalDate, Map<LocalDate, Long>> cells = new TreeMap<>();
        for (KpiSource.CohortCell cell : source.cohortActivity(grain.start(from.atDay(1)), to.atEndOfMonth(),
                grain == Grain.MONTH ? BuyerFigures.MONTH : BuyerFigures.YEAR)) {
            cells.computeIfAbsent(cell.cohort(), c -> new TreeMap<>()).put(cell.period(), cell.buyers());
        }
        List<CohortRow> rows = new ArrayList<>();
        LocalDate last = grain.start(now.atDay(1));
        for (Map.Entry<LocalDate, Map<LocalDate, Long>> cohort : cells.entrySet()) {
            long size = cohort.getValue().getOrDefault(cohort.getKey(), 0L);
            List<Integer> retained = new ArrayList<>();
            for (LocalDate period = cohort.getKey(); !period.isAfter(last); period = grain.next(period)) {
                long active = cohort.getValue().getOrDefault(period, 0L);
                retained.add(size == 0 ? 0 : (int) (active * 10_000 / size));
            }
            rows.add(new CohortRow(grain.label(cohort.getKey()), size, retained));
        }
        return rows;
    }

    @Override
    public Funnel funnel(Actor operator, LocalDate from, LocalDate to) {
        operator.require(Role.OPERATOR);
        check(from, to);
        long[] counts = new long[5];
        for (long[] day : source.activity(from, to).values()) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += day[i];
            }
        }
        Sales sales = source.sales(from, to, null, null).values().stream().reduce(Sales.NONE, Sales::plus);
        return new Funnel(counts[0], counts[1], counts[3], counts[4], sales.placedOrders(), sales.paidOrders());
    }

    @Override
    public QuarterReport quarter(Actor operator, String quarter, String currency) {
        operator.require(Role.OPERATOR);
        Currencies.parse(currency);
        if (quarter == null || !quarter.matches("\\d{4}Q[1-4]")) {
            throw new InvalidInputException("quarter", Text.of("insights.quarter.format", quarter));
        }
        LocalDate start = LocalDate.of(Integer.parseInt(quarter.substring(0, 4)),
                (quarter.charAt(5) - '1') * 3 + 1, 1);
        LocalDate end = start.plusMonths(3).minusDays(1);
        LocalDate yearAgo = start.minusYears(1);
        YearMonth constantReference = reference == null ? YearMonth.from(yearAgo) : reference;
        KpiRow now = rows(operator, start, end, Grain.QUARTER, currency, null, constantReference).getFirst();
        KpiRow before = rows(operator, start.minusMonths(3), start.minusDays(1), Grain.QUARTER, currency, null,
                constantReference).getFirst();
        KpiRow lastYear = rows(operator, yearAgo, yearAgo.plusMonths(3).minusDays(1), Grain.QUARTER, currency, null,
                constantReference).getFirst();
        List<SegmentRow> segments = segmentRows(start, end, currency);
        long profit = segments.stream().mapToLong(SegmentRow::adjustedProfitMinor).sum();
        long profitBefore = segmentRows(start.minusMonths(3), start.minusDays(1), currency).stream()
                .mapToLong(SegmentRow::adjustedProfitMinor).sum();
        long profitLastYear = segmentRows(yearAgo, yearAgo.plusMonths(3).minusDays(1), currency).stream()
                .mapToLong(SegmentRow::adjustedProfitMinor).sum();
        List<Headline> headlines = new ArrayList<>();
        headlines.add(headline("gmv", true, now.gmvMinor(), before.gmvMinor(), lastYear.gmvMinor()));
        headlines.add(headline("gmvNet", true, now.gmvNetMinor(), before.gmvNetMinor(), lastYear.gmvNetMinor()));
        headlines.add(headline("paidOrders", false, now.paidOrders(), before.paidOrders(), lastYear.paidOrders()));
        headlines.add(headline("cmr", true, orZero(now.cmrMinor()), orZero(before.cmrMinor()),
                orZero(lastYear.cmrMinor())));
        headlines.add(headline("revenue", true, now.revenueMinor() + orZero(now.adMinor()),
                before.revenueMinor() + orZero(before.adMinor()), lastYear.revenueMinor() + orZero(lastYear.adMinor())));
        headlines.add(headline("adjustedProfit", true, profit, profitBefore, profitLastYear));
        headlines.add(headline("annualActiveConsumers", false, orZero(now.annualActiveConsumers()),
                orZero(before.annualActiveConsumers()), orZero(lastYear.annualActiveConsumers())));
        headlines.add(headline("mau", false, orZero(now.mau()), orZero(before.mau()), orZero(lastYear.mau())));
        headlines.add(headline("gmvConstant", true, orZero(now.gmvCnyConstantMinor()),
                orZero(before.gmvCnyConstantMinor()), orZero(lastYear.gmvCnyConstantMinor())));
        return new QuarterReport(quarter, start, end, currency, headlines, segments, List.of(lastYear, before, now),
                costModel.view());
    }

    @Override
    public int rollUp() {
        int folded = rollUp.foldAll();
        booked.takeSinceLast(LocalDate.ofInstant(clock.instant(), zone));
        return folded;
    }

    @Override
    public int rollUpForPage() {
        int folded = rollUp.foldForPage(PAGE_FOLD);
        booked.takeSinceLast(LocalDate.ofInstant(clock.instant(), zone));
        return folded;
    }

    @Override
    public void retakeBooked(java.time.LocalDate from, java.time.LocalDate to) {
        if (!to.isBefore(from)) {
            booked.take(from, to);
        }
    }

    @Override
    public Recomputed recompute(Actor operator) {
        operator.require(Role.OPERATOR);
        return recompute.run(LocalDate.ofInstant(clock.instant(), zone));
    }

    private static Headline headline(String key, boolean money, long now, long before, long lastYear) {
        return new Headline(key, now, money, growth(now, before), growth(now, lastYear));
    }

    static @Nullable Double growth(long now, long before) {
        return before == 0 ? null : (double) (now - before) / Math.abs(before);
    }


    /** CNY per unit of each currency by day, from a month before the range (the rate in force on a day is the latest). */
    private Map<String, NavigableMap<LocalDate, BigDecimal>> cnyRates(Iterable<String> currencies, LocalDate from,
            LocalDate to) {
        Map<String, NavigableMap<LocalDate, BigDecimal>> result = new LinkedHashMap<>();
        for (String currency : currencies) {
            NavigableMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
            if (!currency.equals("CNY")) {
                // The rates service answers at most 366 days at a time.
                for (LocalDate start = from.minusDays(31); !start.isAfter(to); start = start.plusDays(366)) {
                    LocalDate end = start.plusDays(365).isAfter(to) ? to : start.plusDays(365);
                    for (ExchangeRates.Rate rate : rates.history(currency, start, end)) {
                        byDay.put(rate.day(), rate.cnyPerUnit());
                    }
                }
            }
            result.put(currency, byDay);
        }
        return result;
    }

    /** GMV of every currency in CNY, each day's at that day's rate; null when a day lacks a rate. */
    static @Nullable Long reported(Map<String, Map<LocalDate, Long>> gmvByCurrency,
            Map<String, NavigableMap<LocalDate, BigDecimal>> cnyRates, LocalDate first, LocalDate last) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, Map<LocalDate, Long>> currency : gmvByCurrency.entrySet()) {
            int digits = Currency.getInstance(currency.getKey()).getDefaultFractionDigits();
            for (Map.Entry<LocalDate, Long> day : currency.getValue().entrySet()) {
                if (day.getKey().isBefore(first) || day.getKey().isAfter(last)) {
                    continue;
                }
                BigDecimal amount = BigDecimal.valueOf(day.getValue(), digits);
                if (currency.getKey().equals("CNY")) {
                    total = total.add(amount);
                } else {
                    Map.Entry<LocalDate, BigDecimal> rate = cnyRates.get(currency.getKey()).floorEntry(day.getKey());
                    if (rate == null) {
                        return null;
                    }
                    total = total.add(amount.multiply(rate.getValue()));
                }
            }
        }
        return total.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    /** GMV of every currency in CNY at the reference month's rates; null when that month lacks a rate. */
    private @Nullable Long constant(Map<String, Map<LocalDate, Long>> gmvByCurrency, LocalDate first, LocalDate last,
            YearMonth reference) {
        long total = 0;
        for (Map.Entry<String, Map<LocalDate, Long>> currency : gmvByCurrency.entrySet()) {
            long sum = sum(currency.getValue(), first, last);
            if (sum == 0) {
                continue;
            }
            if (currency.getKey().equals("CNY")) {
                total += sum;
                continue;
            }
            try {
                total += rates.atReference(Money.of(sum, currency.getKey()), Currencies.CNY, reference).minor();
            } catch (DomainException noRate) {
                return null;
            }
        }
        return total;
    }

    private static long sum(@Nullable Map<LocalDate, Long> byDay, LocalDate first, LocalDate last) {
        if (byDay == null) {
            return 0;
        }
        long sum = 0;
        for (Map.Entry<LocalDate, Long> day : byDay.entrySet()) {
            if (!day.getKey().isBefore(first) && !day.getKey().isAfter(last)) {
                sum += day.getValue();
            }
        }
        return sum;
    }

    private static double ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP).doubleValue();
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }

    private static void check(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", Text.of("insights.range.order"));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("to", Text.of("insights.range.long", MAX_DAYS));
        }
    }

    private static @Nullable String segment(String segment) {
        if (segment == null || segment.equals(ALL)) {
            return null;
        }
        for (StoreKind kind : StoreKind.values()) {
            if (kind.name().equals(segment)) {
                return segment;
            }
        }
        throw new InvalidInputException("segment", Text.of("insights.segment.unknown", segment));
    }
}
