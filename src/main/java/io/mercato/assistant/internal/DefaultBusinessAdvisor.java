package io.mercato.assistant.internal;

import io.mercato.ads.AdCampaigns;
import io.mercato.ads.Campaign;
import io.mercato.ads.CampaignReport;
import io.mercato.assistant.BusinessAdvisor;
import io.mercato.http.Wording;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderStatistics;
import io.mercato.ordering.OrderStatistics.DailySales;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The business advisor with no model: the seller's own week from ordering's statistics and its ad campaigns' reports,
 * compared with the week before, written out as short paragraphs from the message bundles that name what moved and
 * suggest what to look at (a refund rate above 5 %, an ads return below 1, a fall in sales).
 */
@Service
final class DefaultBusinessAdvisor implements BusinessAdvisor {

    private final OrderStatistics statistics;
    private final AdCampaigns campaigns;
    private final Stores stores;
    private final Wording wording;
    private final Clock clock;
    private final ZoneId zone;

    DefaultBusinessAdvisor(OrderStatistics statistics, AdCampaigns campaigns, Stores stores, Wording wording, Clock clock,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.statistics = statistics;
        this.campaigns = campaigns;
        this.stores = stores;
        this.wording = wording;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public WeeklyReport weeklyReport(Actor seller, @Nullable LocalDate lastDay, Locale locale) {
        seller.require(Role.SELLER);
        LocalDate to = lastDay != null ? lastDay : LocalDate.now(clock.withZone(zone)).minusDays(1);
        LocalDate from = to.minusDays(6);
        List<Store> own = stores.ownedBy(seller.accountId());
        String currency = own.isEmpty() ? "CNY" : own.getFirst().currency();
        List<DailySales> sales = statistics.dailySales(seller.accountId(), null, from.minusDays(7), to, zone).stream()
                .filter(d -> d.gmv().currencyCode().equals(currency)).toList();
        Map<LocalDate, DailySales> byDay = new TreeMap<>();
        sales.forEach(d -> byDay.put(d.day(), d));
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DailySales s = byDay.get(d);
            days.add(s == null ? new Day(d, 0, 0, 0, 0) : new Day(d, s.gmv().minor(), s.refunded().minor(), s.paidOrders(), s.buyers()));
        }
        Totals week = totals(byDay, from, to);
        Totals previous = totals(byDay, from.minusDays(7), from.minusDays(1));
        long spend = 0;
        long adGmv = 0;
        long clicks = 0;
        long adOrders = 0;
        for (Campaign campaign : campaigns.list(seller)) {
            CampaignReport report = campaigns.report(seller, campaign.id(), CampaignReport.Period.DAY, from, to);
            if (report.currency().equals(currency)) {
                spend += report.total().spendMinor();
                adGmv += report.total().gmvMinor();
                clicks += report.total().clicks();
                adOrders += report.total().orders();
            }
        }
        Double roi = spend == 0 ? null : (double) adGmv / spend;
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(say(locale, "assistant.report.sales", Amounts.format(week.gmvMinor(), currency), week.paidOrders(),
                week.buyers(), change(locale, week.gmvMinor(), previous.gmvMinor())));
        if (week.averageOrderMinor() != null) {
            paragraphs.add(say(locale, "assistant.report.average", Amounts.format(week.averageOrderMinor(), currency)));
        }
        if (week.refundRate() != null) {
            paragraphs.add(say(locale, week.refundRate() > 0.05 ? "assistant.report.refundsHigh" : "assistant.report.refunds",
                    Amounts.format(week.refundedMinor(), currency), percent(week.refundRate())));
        }
        if (roi != null) {
            paragraphs.add(say(locale, roi < 1 ? "assistant.report.adsLow" : "assistant.report.ads",
                    Amounts.format(spend, currency), Amounts.format(adGmv, currency), String.format(Locale.ROOT, "%.2f", roi),
                    clicks == 0 ? "—" : percent((double) adOrders / clicks)));
        } else {
            paragraphs.add(say(locale, "assistant.report.noAds"));
        }
        if (week.gmvMinor() == 0) {
            paragraphs.add(say(locale, "assistant.report.quiet"));
        } else if (previous.gmvMinor() > 0 && week.gmvMinor() < previous.gmvMinor() * 8 / 10) {
            paragraphs.add(say(locale, "assistant.report.falling"));
        }
        return new WeeklyReport(from, to, currency, days, week, previous, roi, spend, adGmv, paragraphs);
    }

    private static Totals totals(Map<LocalDate, DailySales> byDay, LocalDate from, LocalDate to) {
        long gmv = 0;
        long refunded = 0;
        long orders = 0;
        long buyers = 0;
        for (DailySales s : byDay.values()) {
            if (!s.day().isBefore(from) && !s.day().isAfter(to)) {
                gmv += s.gmv().minor();
                refunded += s.refunded().minor();
                orders += s.paidOrders();
                buyers += s.buyers();
            }
        }
        return new Totals(gmv, refunded, orders, buyers, gmv == 0 ? null : (double) refunded / gmv,
                orders == 0 ? null : gmv / orders);
    }

    private String change(Locale locale, long now, long before) {
        if (before == 0) {
            return say(locale, now == 0 ? "assistant.report.changeNone" : "assistant.report.changeNew");
        }
        double ratio = (double) (now - before) / before;
        return say(locale, ratio >= 0 ? "assistant.report.changeUp" : "assistant.report.changeDown", percent(Math.abs(ratio)));
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    private String say(Locale locale, String key, Object... args) {
        return wording.of(Text.of(key, args), locale);
    }
}
