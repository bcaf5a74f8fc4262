package io.mercato.assistant.internal;

import java.math.BigDecimal;
import java.util.Currency;

/** Amounts as an answer writes them: {@code ¥1,299.00} for yuan, {@code 12.50 USD} otherwise. */
final class Amounts {

    private Amounts() {
    }

    static String format(long minor, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        String number = String.format("%,." + currency.getDefaultFractionDigits() + "f",
                BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()));
        return "CNY".equals(currencyCode) ? "¥" + number : number + " " + currencyCode;
    }
}
