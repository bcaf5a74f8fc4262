package io.mercato.insights.internal;

import io.mercato.insights.Grain;
import io.mercato.insights.Insights;
import io.mercato.insights.Insights.CohortRow;
import io.mercato.insights.Insights.Funnel;
import io.mercato.insights.Insights.KpiRow;
import io.mercato.insights.Insights.QuarterReport;
import io.mercato.insights.Insights.Recomputed;
import io.mercato.insights.Insights.SegmentRow;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's read API over the insights roll-ups (docs/kpis.md); operators only. */
@RestController
@RequestMapping("/api/v1/operator/insights")
@Tag(name = "Insights", description = "KPIs, segments, cohorts, funnel and quarterly results from the daily roll-ups")
class InsightsController {

    private final Insights insights;
    private final Clock clock;
    private final ZoneId zone;

    InsightsController(Insights insights, Clock clock, @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.insights = insights;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/kpis")
    List<KpiRow> kpis(Actor actor, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String grain,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String segment) {
        actor.require(Role.OPERATOR);
        LocalDate end = day("to", to, today());
        return insights.kpis(actor, day("from", from, end.minusDays(29)), end, grain(grain, Grain.DAY),
                currency == null ? "CNY" : currency, segment == null ? Insights.ALL : segment.toUpperCase(Locale.ROOT));
    }

    @GetMapping("/segments")
    List<SegmentRow> segments(Actor actor, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String currency) {
        actor.require(Role.OPERATOR);
        LocalDate end = day("to", to, today());
        return insights.segments(actor, day("from", from, end.minusDays(29)), end, currency == null ? "CNY" : currency);
    }

    @GetMapping("/cohorts")
    List<CohortRow> cohorts(Actor actor, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String grain) {
        actor.require(Role.OPERATOR);
        YearMonth end = month("to", to, YearMonth.from(today()));
        return insights.cohorts(actor, month("from", from, end.minusMonths(11)), end, grain(grain, Grain.MONTH));
    }

    @GetMapping("/funnel")
    Funnel funnel(Actor actor, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        actor.require(Role.OPERATOR);
        LocalDate end = day("to", to, today());
        return insights.funnel(actor, day("from", from, end.minusDays(29)), end);
    }

    @GetMapping("/quarters/{quarter}")
    QuarterReport quarter(Actor actor, @PathVariable String quarter,
            @RequestParam(required = false) @Nullable String currency) {
        return insights.quarter(actor, quarter, currency == null ? "CNY" : currency);
    }

    /** Folds what was counted since the last roll-up (the timer does this every second). */
    @PostMapping("/roll-up")
    Map<String, Integer> rollUp(Actor actor) {
        actor.require(Role.OPERATOR);
        return Map.of("folded", insights.rollUp());
    }

    @PostMapping("/recompute")
    Recomputed recompute(Actor actor) {
        return insights.recompute(actor);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static LocalDate day(String field, @Nullable String text, LocalDate otherwise) {
        try {
            return text == null || text.isBlank() ? otherwise : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Text.of("insights.day.format", text));
        }
    }

    private static YearMonth month(String field, @Nullable String text, YearMonth otherwise) {
        try {
            return text == null || text.isBlank() ? otherwise : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Text.of("insights.month.format", text));
        }
    }

    static Grain grain(@Nullable String text, Grain otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Grain.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("grain", Text.of("insights.grain.unknown", text));
        }
    }
}
