package io.mercato.web.ops;

import io.mercato.membership.MembershipFigures;
import io.mercato.membership.MembershipFigures.Month;
import io.mercato.membership.MembershipFigures.Report;
import io.mercato.platform.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.jspecify.annotations.Nullable;

/** The operator's 88VIP figures: members, joins, renewals, cancellations and churn per month, and the cohort table. */
@Controller
final class MembershipFiguresController {

    private final MembershipFigures figures;
    private final Clock clock;
    private final ZoneId zone;

    MembershipFiguresController(MembershipFigures figures, Clock clock,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.figures = figures;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/ops/membership")
    String figures(Actor operator,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(name = "months", required = false) @Nullable Integer preset,
            Model model) {
        MonthRange range = MonthRange.of(from, to, preset, YearMonth.from(LocalDate.ofInstant(clock.instant(), zone)));
        model.addAttribute("range", range);
        Report report = figures.report(operator, range.from(), range.to());
        List<Month> months = report.months();
        Month current = months.getLast();
        model.addAttribute("months", months);
        model.addAttribute("current", current);
        model.addAttribute("cohorts", report.cohorts());
        model.addAttribute("labels", months.stream().map(m -> m.month().toString()).toList());
        model.addAttribute("memberSeries", months.stream().map(Month::members).toList());
        model.addAttribute("joinSeries", months.stream().map(Month::joins).toList());
        model.addAttribute("renewalSeries", months.stream().map(Month::renewals).toList());
        model.addAttribute("cancellationSeries", months.stream().map(Month::cancellations).toList());
        model.addAttribute("churnSeries", months.stream().map(Month::churned).toList());
        model.addAttribute("width", months.size());
        return "ops/membership";
    }
}
