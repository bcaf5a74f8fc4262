package io.mercato.membership.internal;

import io.mercato.membership.EngagementPoints;
import io.mercato.membership.MembershipFigures;
import io.mercato.membership.PointsEntry;
import io.mercato.membership.Term;
import io.mercato.membership.VipMembership;
import io.mercato.membership.VipMembership.Joined;
import io.mercato.membership.VipStatus;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Membership", description = "Engagement points, 88VIP and the operator's membership figures")
class MembershipController {

    private final EngagementPoints points;
    private final VipMembership vip;
    private final MembershipFigures figures;
    private final Clock clock;
    private final ZoneId zone;

    MembershipController(EngagementPoints points, VipMembership vip, MembershipFigures figures, Clock clock,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.points = points;
        this.vip = vip;
        this.figures = figures;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    record PointsView(long balance, boolean checkedInToday, List<PointsEntry> history) {
    }

    @GetMapping("/membership/points")
    PointsView points(Actor buyer, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", Text.of("membership.askEntriesNot", limit));
        }
        return new PointsView(points.balance(buyer), points.checkedInToday(buyer), points.history(buyer, limit));
    }

    @PostMapping("/membership/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    PointsEntry checkIn(Actor buyer) {
        return points.checkIn(buyer);
    }

    @GetMapping("/membership/vip")
    VipStatus status(Actor buyer) {
        return vip.status(buyer);
    }

    /** 201 with the new term; 200 with the current term when the buyer is a member already (nothing charged). */
    @PostMapping("/membership/vip/joins")
    ResponseEntity<Term> join(Actor buyer) {
        Joined joined = vip.join(buyer);
        return ResponseEntity.status(joined.created() ? HttpStatus.CREATED : HttpStatus.OK).body(joined.term());
    }

    @PostMapping("/membership/vip/renewals")
    @ResponseStatus(HttpStatus.CREATED)
    Term renew(Actor buyer) {
        return vip.renew(buyer);
    }

    @PostMapping("/membership/vip/terms/{termId}/cancellation")
    Term cancel(@PathVariable long termId, Actor buyer) {
        return vip.cancel(buyer, termId);
    }

    record AutoRenew(@Nullable Boolean on) {
    }

    @PutMapping("/membership/vip/auto-renew")
    VipStatus autoRenew(@RequestBody AutoRenew choice, Actor buyer) {
        if (choice.on() == null) {
            throw new InvalidInputException("on", Text.of("membership.sayWhetherRenewAutomaticallyTrue"));
        }
        return vip.autoRenew(buyer, choice.on());
    }

    /** Months default to the last twelve up to this one, in the marketplace's time zone. */
    @GetMapping("/operator/membership/figures")
    MembershipFigures.Report figures(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Actor operator) {
        YearMonth now = YearMonth.from(LocalDate.ofInstant(clock.instant(), zone));
        YearMonth last = month("to", to, now);
        YearMonth first = month("from", from, last.minusMonths(11));
        return figures.report(operator, first, last);
    }

    private static YearMonth month(String field, @Nullable String text, YearMonth otherwise) {
        try {
            return text == null ? otherwise : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Text.of("membership.giveMonthYYYYMME"));
        }
    }
}
