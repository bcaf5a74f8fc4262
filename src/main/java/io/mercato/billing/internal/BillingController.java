package io.mercato.billing.internal;

import io.mercato.billing.CmrDay;
import io.mercato.billing.FeeCharge;
import io.mercato.billing.FeeRule;
import io.mercato.billing.FeeRules;
import io.mercato.billing.Membership;
import io.mercato.billing.Memberships;
import io.mercato.billing.MerchantStatement;
import io.mercato.billing.NewFeeRule;
import io.mercato.billing.NewRebateProgramme;
import io.mercato.billing.RebateProgramme;
import io.mercato.billing.Statements;
import io.mercato.billing.StoreTerms;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Billing", description = "Fee rules, rebates, memberships, merchant statements and the CMR report")
class BillingController {

    private final FeeRules rules;
    private final Memberships memberships;
    private final Statements statements;
    private final Clock clock;
    private final ZoneId zone;

    BillingController(FeeRules rules, Memberships memberships, Statements statements, Clock clock,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.rules = rules;
        this.memberships = memberships;
        this.statements = statements;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/operator/billing/fee-rules")
    List<FeeRule> rules(Actor actor) {
        return rules.rules(actor);
    }

    @PostMapping("/operator/billing/fee-rules")
    @ResponseStatus(HttpStatus.CREATED)
    FeeRule addRule(@RequestBody NewFeeRule rule, Actor actor) {
        return rules.add(actor, rule);
    }

    @GetMapping("/operator/billing/rebates")
    List<RebateProgramme> rebates(Actor actor) {
        return rules.rebates(actor);
    }

    @PostMapping("/operator/billing/rebates")
    @ResponseStatus(HttpStatus.CREATED)
    RebateProgramme addRebate(@RequestBody NewRebateProgramme programme, Actor actor) {
        return rules.addRebate(actor, programme);
    }

    @GetMapping("/billing/memberships")
    List<Membership> memberships(Actor actor) {
        return memberships.memberships(actor);
    }

    @GetMapping("/billing/stores/{storeId}/terms")
    StoreTerms terms(@PathVariable long storeId, Actor actor) {
        return rules.terms(actor, storeId);
    }

    @GetMapping("/billing/orders/{orderId}/charges")
    List<FeeCharge> charges(@PathVariable long orderId, Actor actor) {
        return rules.charges(actor, orderId);
    }

    /** The month defaults to the current one; the currency to CNY; operators name the seller. */
    @GetMapping("/billing/statements")
    MerchantStatement statement(@RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable Long sellerAccountId, Actor actor) {
        YearMonth when;
        try {
            when = month == null ? YearMonth.from(LocalDate.ofInstant(clock.instant(), zone)) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", Text.of("billing.giveMonthYYYYMME"));
        }
        return statements.statement(actor, sellerAccountId, when, Currencies.parse(currency == null ? "CNY" : currency));
    }

    /** Days default to the last 30 up to today, in the marketplace's time zone. */
    @GetMapping("/operator/billing/cmr")
    List<CmrDay> cmr(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String currency, Actor actor) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate end = day("to", to, today);
        LocalDate start = day("from", from, end.minusDays(29));
        return statements.cmr(actor, start, end, Currencies.parse(currency == null ? "CNY" : currency));
    }

    private static LocalDate day(String field, @Nullable String text, LocalDate otherwise) {
        try {
            return text == null ? otherwise : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Text.of("billing.giveDayYYYYMMDD"));
        }
    }
}
