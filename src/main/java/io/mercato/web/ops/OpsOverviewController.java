package io.mercato.web.ops;

import io.mercato.insights.Grain;
import io.mercato.insights.Insights;
import io.mercato.insights.Insights.KpiRow;
import io.mercato.merchant.StoreStatus;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderStatistics.DailySales;
import io.mercato.payment.DailyAmount;
import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import io.mercato.web.common.Formats;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import io.mercato.web.common.DateRange;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The platform overview: GMV, orders, CMR and take rate, and growth in buyers and merchants, from the insights
 * roll-ups (folded first, so the page is current to the second).
 */
@Controller
final class OpsOverviewController {

    /** The overview shows the marketplace's home currency; sales in others are left out of its figures. */
    private static final String CURRENCY = "CNY";

    private final Insights insights;
    private final Stores stores;
    private final Formats formats;
    private final Clock clock;

    OpsOverviewController(Insights insights, Stores stores, Formats formats, Clock clock) {
        this.insights = insights;
        this.stores = stores;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping("/ops")
    String overview(Actor operator,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable Integer days, Model model) {
        ZoneId zone = formats.zone();
        DateRange range = DateRange.of(from, to, days, clock, formats);
        model.addAttribute("range", range);
        return overview(operator, range.from(), range.to(), zone, model);
    }

    private String overview(Actor operator, LocalDate from, LocalDate today, ZoneId zone, Model model) {
        insights.rollUpForPage();
        List<KpiRow> days = insights.kpis(operator, from, today, Grain.DAY, CURRENCY, Insights.ALL);
        List<DailySales> sales = days.stream().filter(day -> day.paidOrders() > 0 || day.gmvMinor() > 0)
                .map(day -> new DailySales(day.from(), Money.of(day.gmvMinor(), CURRENCY),
                        Money.of(day.refundedMinor(), CURRENCY), day.paidOrders(), 0))
                .toList();
        List<DailyAmount> cmr = days.stream().filter(day -> day.cmrMinor() != null && day.cmrMinor() != 0)
                .map(day -> new DailyAmount(day.from(), Money.of(day.cmrMinor(), CURRENCY))).toList();
        PlatformOverview overview = PlatformOverview.of(from, today, CURRENCY, sales, cmr,
                perDay(days, KpiRow::newBuyers), perDay(days, KpiRow::newMerchants));
        KpiRow latest = days.getLast();
        model.addAttribute("activeConsumers", latest.annualActiveConsumers());
        model.addAttribute("dau", latest.dau());
        model.addAttribute("mau", latest.mau());
        model.addAttribute("days", overview.days());
        model.addAttribute("gmvSeries", overview.gmvSeries());
        model.addAttribute("ordersSeries", overview.ordersSeries());
        model.addAttribute("feeSeries", overview.feeSeries());
        model.addAttribute("takeRateSeries", overview.takeRateSeries());
        model.addAttribute("buyersSeries", overview.buyersSeries());
        model.addAttribute("merchantsSeries", overview.merchantsSeries());
        model.addAttribute("currency", CURRENCY);
        model.addAttribute("gmv", overview.gmv());
        model.addAttribute("gmvNet", overview.gmvNet());
        model.addAttribute("paidOrders", overview.paidOrders());
        model.addAttribute("cmr", overview.cmr());
        model.addAttribute("takeRate", overview.takeRate());
        model.addAttribute("aov", overview.aov());
        model.addAttribute("newBuyers", overview.newBuyers());
        model.addAttribute("newMerchants", overview.newMerchants());
        model.addAttribute("todayGmv", overview.todayGmv());
        model.addAttribute("pendingStores", stores.withStatus(StoreStatus.PENDING_VERIFICATION).size());
        model.addAttribute("from", from);
        model.addAttribute("today", today);
        return "ops/overview";
    }

    private static Map<LocalDate, Long> perDay(List<KpiRow> days, java.util.function.Function<KpiRow, Long> figure) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (KpiRow day : days) {
            Long value = figure.apply(day);
            if (value != null && value != 0) {
                perDay.put(day.from(), value);
            }
        }
        return perDay;
    }
}
