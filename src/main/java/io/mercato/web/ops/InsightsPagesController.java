package io.mercato.web.ops;

import io.mercato.insights.Grain;
import io.mercato.insights.Insights;
import io.mercato.insights.Insights.CohortRow;
import io.mercato.insights.Insights.Funnel;
import io.mercato.insights.Insights.KpiRow;
import io.mercato.insights.Insights.QuarterReport;
import io.mercato.insights.Insights.SegmentRow;
import io.mercato.merchant.StoreKind;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.web.common.DateRange;
import io.mercato.web.common.Formats;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's insights dashboards (trends by period, segment mix, cohort heat map, funnel) and the quarterly
 * results page, each table also as CSV; all read the insights roll-ups.
 */
@Controller
final class InsightsPagesController {

    static final List<String> SEGMENTS = java.util.stream.Stream.concat(java.util.stream.Stream.of(Insights.ALL),
            java.util.Arrays.stream(StoreKind.values()).map(Enum::name)).toList();
    static final List<String> CURRENCIES = List.of("CNY", "USD", "EUR", "TRY", "HKD", "JPY", "GBP");

    private final Insights insights;
    private final Formats formats;
    private final MessageSource messages;
    private final Clock clock;

    InsightsPagesController(Insights insights, Formats formats, MessageSource messages, Clock clock) {
        this.insights = insights;
        this.formats = formats;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the dashboard shows: a date range, a period, a segment and a currency. */
    private record Selection(DateRange range, Grain grain, String segment, String currency) {
    }

    private Selection selection(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Integer days,
            @Nullable String grain, @Nullable String segment, @Nullable String currency) {
        DateRange range = DateRange.of(from, to, days, clock, formats);
        Grain period = Grain.DAY;
        if (grain != null && !grain.isBlank()) {
            try {
                period = Grain.valueOf(grain.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("grain", Text.of("insights.grain.unknown", grain));
            }
        }
        return new Selection(range, period, segment == null || segment.isBlank() ? Insights.ALL : segment,
                currency == null || currency.isBlank() ? "CNY" : currency);
    }

    @GetMapping("/ops/insights")
    String dashboard(Actor operator,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable Integer days, @RequestParam(required = false) @Nullable String grain,
            @RequestParam(required = false) @Nullable String segment,
            @RequestParam(required = false) @Nullable String currency, Model model) {
        Selection s = selection(from, to, days, grain, segment, currency);
        List<KpiRow> rows = insights.kpis(operator, s.range().from(), s.range().to(), s.grain(), s.currency(), s.segment());
        List<SegmentRow> segments = insights.segments(operator, s.range().from(), s.range().to(), s.currency());
        YearMonth lastMonth = YearMonth.from(s.range().to());
        List<CohortRow> cohorts = insights.cohorts(operator, lastMonth.minusMonths(11), lastMonth, Grain.MONTH);
        Funnel funnel = insights.funnel(operator, s.range().from(), s.range().to());
        model.addAttribute("range", s.range());
        model.addAttribute("grain", s.grain().name());
        model.addAttribute("segment", s.segment());
        model.addAttribute("currency", s.currency());
        model.addAttribute("grains", Grain.values());
        model.addAttribute("segmentChoices", SEGMENTS);
        model.addAttribute("currencies", CURRENCIES);
        model.addAttribute("rows", rows);
        model.addAttribute("segments", segments);
        model.addAttribute("cohorts", cohorts);
        model.addAttribute("funnel", funnel);
        model.addAttribute("query", "from=" + s.range().from() + "&to=" + s.range().to() + "&grain=" + s.grain()
                + "&segment=" + s.segment() + "&currency=" + s.currency());
        model.addAttribute("labels", rows.stream().map(KpiRow::period).toList());
        model.addAttribute("gmvSeries", rows.stream().map(r -> major(r.gmvMinor(), s.currency())).toList());
        model.addAttribute("netSeries", rows.stream().map(r -> major(r.gmvNetMinor(), s.currency())).toList());
        model.addAttribute("cmrSeries", rows.stream()
                .map(r -> major(r.cmrMinor() == null ? r.revenueMinor() : r.cmrMinor(), s.currency())).toList());
        model.addAttribute("takeSeries", rows.stream()
                .map(r -> r.takeRate() == null ? BigDecimal.ZERO : BigDecimal.valueOf(r.takeRate() * 100).setScale(2,
                        java.math.RoundingMode.DOWN)).toList());
        model.addAttribute("mix", segments.stream().filter(r -> r.gmvMinor() > 0)
                .map(r -> java.util.Map.of("name", label("insights.segment." + r.segment()), "value",
                        major(r.gmvMinor(), s.currency())))
                .toList());
        int width = cohorts.stream().mapToInt(c -> c.retainedBasisPoints().size()).max().orElse(0);
        List<List<Object>> heat = new ArrayList<>();
        for (int y = 0; y < cohorts.size(); y++) {
            List<Integer> retained = cohorts.get(y).retainedBasisPoints();
            for (int x = 0; x < retained.size(); x++) {
                heat.add(List.of(x, y, retained.get(x) / 100.0));
            }
        }
        model.addAttribute("cohortWidth", width);
        model.addAttribute("cohortOffsets", java.util.stream.IntStream.range(0, width).mapToObj(i -> "+" + i).toList());
        model.addAttribute("cohortLabels", cohorts.stream().map(CohortRow::cohort).toList());
        model.addAttribute("heat", heat);
        model.addAttribute("funnelData", List.of(
                java.util.Map.of("name", label("insights.funnel.visitors"), "value", funnel.visitors()),
                java.util.Map.of("name", label("insights.funnel.views"), "value", funnel.views()),
                java.util.Map.of("name", label("insights.funnel.carts"), "value", funnel.carts()),
                java.util.Map.of("name", label("insights.funnel.orders"), "value", funnel.placedOrders()),
                java.util.Map.of("name", label("insights.funnel.paid"), "value", funnel.paidOrders())));
        return "ops/insights";
    }

    @GetMapping("/ops/insights/export/{table}.csv")
    void export(Actor operator, @PathVariable String table,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable Integer days, @RequestParam(required = false) @Nullable String grain,
            @RequestParam(required = false) @Nullable String segment,
            @RequestParam(required = false) @Nullable String currency, HttpServletResponse response) throws IOException {
        Selection s = selection(from, to, days, grain, segment, currency);
        Csv csv = new Csv();
        switch (table) {
            case "kpis" -> kpiTable(csv, insights.kpis(operator, s.range().from(), s.range().to(), s.grain(),
                    s.currency(), s.segment()));
            case "segments" -> segmentTable(csv, insights.segments(operator, s.range().from(), s.range().to(),
                    s.currency()), s.currency());
            case "cohorts" -> {
                YearMonth last = YearMonth.from(s.range().to());
                cohortTable(csv, insights.cohorts(operator, last.minusMonths(11), last, Grain.MONTH));
            }
            case "funnel" -> {
                Funnel f = insights.funnel(operator, s.range().from(), s.range().to());
                csv.row(label("insights.funnel.visitors"), label("insights.funnel.visits"), label("insights.funnel.views"),
                        label("insights.funnel.carts"), label("insights.funnel.orders"), label("insights.funnel.paid"));
                csv.row(f.visitors(), f.visits(), f.views(), f.carts(), f.placedOrders(), f.paidOrders());
            }
            default -> throw new io.mercato.platform.NotFoundException(Text.of("insights.table.unknown", table));
        }
        csv.send(response, table + "-" + s.range().from() + "-" + s.range().to() + ".csv");
    }

    @GetMapping("/ops/insights/quarter")
    String quarter(Actor operator, @RequestParam(required = false) @Nullable String quarter,
            @RequestParam(required = false) @Nullable String currency, Model model) {
        QuarterReport report = insights.quarter(operator, quarter == null || quarter.isBlank() ? current() : quarter,
                currency == null || currency.isBlank() ? "CNY" : currency);
        model.addAttribute("report", report);
        model.addAttribute("currencies", CURRENCIES);
        model.addAttribute("quarters", recentQuarters());
        return "ops/quarter";
    }

    @GetMapping("/ops/insights/quarter/export/{table}.csv")
    void exportQuarter(Actor operator, @PathVariable String table, @RequestParam(required = false) @Nullable String quarter,
            @RequestParam(required = false) @Nullable String currency, HttpServletResponse response) throws IOException {
        QuarterReport report = insights.quarter(operator, quarter == null || quarter.isBlank() ? current() : quarter,
                currency == null || currency.isBlank() ? "CNY" : currency);
        Csv csv = new Csv();
        switch (table) {
            case "headlines" -> {
                csv.row("", report.quarter(), label("insights.quarter.qoq"), label("insights.quarter.yoy"));
                for (Insights.Headline h : report.headlines()) {
                    csv.row(label("insights.headline." + h.key()), h.money() ? plain(h.value(), report.currency())
                            : String.valueOf(h.value()), growth(h.qoq()), growth(h.yoy()));
                }
            }
            case "segments" -> segmentTable(csv, report.segments(), report.currency());
            case "kpis" -> kpiTable(csv, report.kpis());
            default -> throw new io.mercato.platform.NotFoundException(Text.of("insights.table.unknown", table));
        }
        csv.send(response, "quarter-" + report.quarter() + "-" + table + ".csv");
    }

    private void kpiTable(Csv csv, List<KpiRow> rows) {
        csv.row(label("insights.kpi.period"), label("insights.currency"), label("insights.segment"),
                label("insights.kpi.gmv"), label("insights.kpi.gmvNet"), label("insights.kpi.refunded"),
                label("insights.kpi.placedOrders"), label("insights.kpi.paidOrders"), label("insights.kpi.aov"),
                label("insights.kpi.refundRate"), label("insights.kpi.revenue"), label("insights.kpi.fees"),
                label("insights.kpi.ads"), label("insights.kpi.cmr"), label("insights.kpi.takeRate"),
                label("insights.kpi.subsidy"), label("insights.kpi.membership"), label("insights.kpi.newBuyers"),
                label("insights.kpi.newMerchants"), label("insights.kpi.adMerchants"),
                label("insights.kpi.annualActiveConsumers"),
                label("insights.kpi.arpu"), label("insights.kpi.dau"), label("insights.kpi.mau"),
                label("insights.kpi.vipMembers"), label("insights.kpi.gmvCnyReported"),
                label("insights.kpi.gmvCnyConstant"));
        for (KpiRow r : rows) {
            String c = r.currency();
            csv.row(r.period(), c, r.segment(), plain(r.gmvMinor(), c), plain(r.gmvNetMinor(), c),
                    plain(r.refundedMinor(), c), r.placedOrders(), r.paidOrders(), plain(r.aovMinor(), c),
                    ratio(r.refundRate()), plain(r.revenueMinor(), c), plain(r.feeMinor(), c), plain(r.adMinor(), c),
                    plain(r.cmrMinor(), c), ratio(r.takeRate()), plain(r.subsidyMinor(), c),
                    plain(r.membershipRevenueMinor(), c), r.newBuyers(), r.newMerchants(), r.adMerchants(), r.annualActiveConsumers(),
                    plain(r.arpuMinor(), c), r.dau(), r.mau(), r.vipMembers(), plain(r.gmvCnyReportedMinor(), "CNY"),
                    plain(r.gmvCnyConstantMinor(), "CNY"));
        }
    }

    private void segmentTable(Csv csv, List<SegmentRow> rows, String c) {
        csv.row(label("insights.segment"), label("insights.kpi.paidOrders"), label("insights.kpi.gmv"),
                label("insights.kpi.gmvShare"), label("insights.kpi.refunded"), label("insights.kpi.revenue"),
                label("insights.kpi.adRevenue"), label("insights.kpi.cost"), label("insights.kpi.adjustedProfit"));
        for (SegmentRow r : rows) {
            csv.row(label("insights.segment." + r.segment()), r.paidOrders(), plain(r.gmvMinor(), c),
                    ratio(r.gmvShare()), plain(r.refundedMinor(), c), plain(r.revenueMinor(), c),
                    plain(r.adRevenueMinor(), c), plain(r.costMinor(), c), plain(r.adjustedProfitMinor(), c));
        }
    }

    private void cohortTable(Csv csv, List<CohortRow> rows) {
        int width = rows.stream().mapToInt(c -> c.retainedBasisPoints().size()).max().orElse(0);
        List<Object> header = new ArrayList<>(List.of(label("insights.cohort"), label("insights.cohort.size")));
        for (int i = 0; i < width; i++) {
            header.add("+" + i);
        }
        csv.row(header.toArray());
        for (CohortRow r : rows) {
            List<Object> row = new ArrayList<>(List.of(r.cohort(), r.size()));
            r.retainedBasisPoints().forEach(bp -> row.add(BigDecimal.valueOf(bp, 4).toPlainString()));
            csv.row(row.toArray());
        }
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private String plain(@Nullable Long minor, String currency) {
        return minor == null ? "" : formats.plain(minor, currency);
    }

    private static String ratio(@Nullable Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String growth(@Nullable Double value) {
        return ratio(value);
    }

    private static BigDecimal major(long minor, String currency) {
        return BigDecimal.valueOf(minor, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
    }

    private String current() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), formats.zone());
        return today.getYear() + "Q" + today.get(IsoFields.QUARTER_OF_YEAR);
    }

    private List<String> recentQuarters() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), formats.zone());
        List<String> quarters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            quarters.add(day.getYear() + "Q" + day.get(IsoFields.QUARTER_OF_YEAR));
            day = day.minusMonths(3);
        }
        return quarters;
    }

    /** A CSV document (RFC 4180: fields with commas, quotes or line breaks quoted) with a byte-order mark for spreadsheets. */
    private static final class Csv {

        private final StringBuilder text = new StringBuilder();

        void row(Object... fields) {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                String field = fields[i] == null ? "" : String.valueOf(fields[i]);
                if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                    field = '"' + field.replace("\"", "\"\"") + '"';
                }
                text.append(field);
            }
            text.append("\r\n");
        }

        void send(HttpServletResponse response, String name) throws IOException {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getWriter();
            writer.write('\uFEFF');
            writer.write(text.toString());
            writer.flush();
        }
    }
}
