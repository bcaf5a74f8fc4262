package io.mercato.web.common;

import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Text;
import java.util.Currency;

/** An amount typed into a form field named {@code amount}, in major units: {@code 129.90}, {@code 1,299}. */
public final class AmountField {

    private AmountField() {
    }

    /**
     * @throws InvalidInputException naming {@code currency} when the currency is not traded, or {@code amount} when
     *     the text is not an amount of it (such as too many decimals)
     */
    public static Money parse(String amount, String currencyCode) {
        Currency currency = Currencies.parse(currencyCode);
        try {
            return new Money(Formats.parseMinor(amount, currency.getCurrencyCode()), currency);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidInputException("amount", Text.of("web.notAmount", amount, currencyCode));
        }
    }
}
