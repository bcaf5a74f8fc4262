package io.mercato.membership.internal;

import io.mercato.membership.MembershipFigures;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The operator's figures, from every term at once (see {@link MembershipHistory} for the definitions). */
@Service
class DefaultMembershipFigures implements MembershipFigures {

    static final int MAX_MONTHS = 36;

    private final Terms terms;
    private final Clock clock;
    private final ZoneId zone;

    DefaultMembershipFigures(Terms terms, Clock clock, @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.terms = terms;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public Report report(Actor operator, YearMonth from, YearMonth to) {
        operator.require(Role.OPERATOR);
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", Text.of("membership.firstMonthAfterLast", from, to));
        }
        if (ChronoUnit.MONTHS.between(from, to) >= MAX_MONTHS) {
            throw new InvalidInputException("from", Text.of("membership.askMostMonthsNot", MAX_MONTHS, (ChronoUnit.MONTHS.between(from, to) + 1)));
        }
        return MembershipHistory.report(terms.all(), from, to, clock.instant(), zone);
    }

    @Override
    public long members(Actor operator, YearMonth month) {
        operator.require(Role.OPERATOR);
        return terms.countMembersAt(MembershipHistory.at(month, clock.instant(), zone));
    }
}
