package io.mercato.web.ops;

import io.mercato.billing.Statements;
import io.mercato.identity.Accounts;
import io.mercato.merchant.StoreStatus;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderStatistics;
import io.mercato.payment.DailyAmount;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import io.mercato.web.common.Formats;
import java.time.Clock;
import java.util.Currency;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import io.mercato.web.common.DateRange;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The platform overview: GMV, orders, CMR and take rate, and growth in buyers and merchants over 30 days. */
@Controller
final class OpsOverviewController {

    /** The overview shows the marketplace's home currency; sales in others are left out of its figures. */
    private static final String CURRENCY = "CNY";

    private final Accounts accounts;
    private final Stores stores;
    private final OrderStatistics statistics;
    private final Statements statements;
    private final Formats formats;
    private final Clock clock;

    OpsOverviewController(Accounts accounts, Stores stores, OrderStatistics statistics, Statements statements, Formats formats,
            Clock clock) {
        this.accounts = accounts;
        this.stores = stores;
        this.statistics = statistics;
        this.statements = statements;
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
        PlatformOverview overview = PlatformOverview.of(from, today, CURRENCY,
                statistics.dailySales(null, null, from, today, zone),
                // CMR as billing defines it (fees net of what was given back, plus ad revenue), one figure per day.
                statements.cmr(operator, from, today, Currency.getInstance(CURRENCY)).stream()
                        .map(day -> new DailyAmount(day.day(), day.cmr())).toList(),
                accounts.registrationsPerDay(Role.BUYER, from, today, zone),
                stores.openedPerDay(from, today, zone));
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
}
