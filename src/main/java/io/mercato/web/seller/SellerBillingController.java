package io.mercato.web.seller;

import io.mercato.billing.FeeRules;
import io.mercato.billing.Memberships;
import io.mercato.billing.MerchantStatement;
import io.mercato.billing.Statements;
import io.mercato.billing.StoreTerms;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.web.common.Formats;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The seller's monthly statement, its stores' fee terms and its wholesale memberships. */
@Controller
final class SellerBillingController {

    private final Statements statements;
    private final FeeRules rules;
    private final Memberships memberships;
    private final Stores stores;
    private final Formats formats;
    private final Clock clock;

    SellerBillingController(Statements statements, FeeRules rules, Memberships memberships, Stores stores,
            Formats formats, Clock clock) {
        this.statements = statements;
        this.rules = rules;
        this.memberships = memberships;
        this.stores = stores;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping("/seller/billing")
    String billing(Actor seller, @RequestParam(required = false) @Nullable String month,
            @RequestParam(defaultValue = "CNY") String currency, Model model) {
        YearMonth when;
        try {
            when = month == null || month.isBlank()
                    ? YearMonth.from(java.time.LocalDate.ofInstant(clock.instant(), formats.zone())) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", Text.of("web.giveMonthYYYYMME"));
        }
        MerchantStatement statement = statements.statement(seller, null, when, Currencies.parse(currency));
        List<Store> own = stores.ownedBy(seller.accountId());
        List<StoreTerms> terms = own.stream().map(store -> rules.terms(seller, store.id())).toList();
        model.addAttribute("statement", statement);
        model.addAttribute("month", when);
        model.addAttribute("previous", when.minusMonths(1));
        model.addAttribute("next", when.plusMonths(1));
        model.addAttribute("currency", statement.currency());
        model.addAttribute("stores", own);
        model.addAttribute("terms", terms);
        model.addAttribute("memberships", memberships.memberships(seller));
        return "seller/billing";
    }
}
