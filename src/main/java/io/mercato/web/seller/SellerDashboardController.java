package io.mercato.web.seller;

import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatistics;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.RefundDesk;
import io.mercato.platform.Actor;
import io.mercato.web.common.Formats;
import io.mercato.web.common.Visits;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import io.mercato.web.common.DateRange;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The seller's dashboard: today's and the last 30 days' sales and visitors, and what waits to be done. */
@Controller
final class SellerDashboardController {

    private final Stores stores;
    private final OrderStatistics statistics;
    private final OrderLifecycle lifecycle;
    private final RefundDesk refunds;
    private final Visits visits;
    private final Formats formats;
    private final Clock clock;

    SellerDashboardController(Stores stores, OrderStatistics statistics, OrderLifecycle lifecycle, RefundDesk refunds,
            Visits visits, Formats formats, Clock clock) {
        this.stores = stores;
        this.statistics = statistics;
        this.lifecycle = lifecycle;
        this.refunds = refunds;
        this.visits = visits;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping("/seller")
    String dashboard(Actor seller,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate start,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate end,
            @RequestParam(required = false) @Nullable Integer days, Model model) {
        List<Store> mine = stores.ownedBy(seller.accountId());
        if (mine.isEmpty()) {
            return "redirect:/seller/stores/new";
        }
        DateRange range = DateRange.of(start, end, days, clock, formats);
        model.addAttribute("range", range);
        LocalDate today = range.to();
        LocalDate from = range.from();
        SellerDashboard figures = SellerDashboard.of(from, today,
                statistics.dailySales(seller.accountId(), null, from, today, formats.zone()),
                visits.perDay(mine.stream().map(Store::id).toList(), from, today));
        model.addAttribute("stores", mine);
        model.addAttribute("days", figures.days());
        model.addAttribute("gmv", figures.gmv());
        model.addAttribute("orders", figures.orders());
        model.addAttribute("visitors", figures.visitors());
        model.addAttribute("todayGmv", figures.todayGmv());
        model.addAttribute("todayOrders", figures.todayOrders());
        model.addAttribute("todayVisitors", figures.todayVisitors());
        model.addAttribute("monthGmv", figures.monthGmv());
        model.addAttribute("monthOrders", figures.monthOrders());
        model.addAttribute("monthVisitors", figures.monthVisitors());
        model.addAttribute("toShip", lifecycle.count(seller, OrderStatus.PAID));
        model.addAttribute("refundsWaiting", refunds.countAwaitingDecision(seller));
        return "seller/dashboard";
    }
}
