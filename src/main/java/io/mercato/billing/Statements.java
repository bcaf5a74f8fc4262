package io.mercato.billing;

import io.mercato.platform.Actor;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Merchant statements by month and the platform's CMR report by day, both read from the ledger. */
public interface Statements {

    /**
     * One seller's statement for a month (in the marketplace's time zone) and currency.
     *
     * @param sellerAccountId whose; the asking seller's own when null (operators must name one)
     * @throws io.mercato.platform.ForbiddenException when a seller asks for another's statement
     */
    MerchantStatement statement(Actor actor, @Nullable Long sellerAccountId, YearMonth month, Currency currency);

    /**
     * GMV, fee revenue, ad revenue, CMR and take rate per day of {@code from..to}; operators only.
     *
     * @throws io.mercato.platform.InvalidInputException when the range is reversed or longer than a year
     */
    List<CmrDay> cmr(Actor operator, LocalDate from, LocalDate to, Currency currency);
}
