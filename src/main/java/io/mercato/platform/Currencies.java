package io.mercato.platform;

import io.mercato.platform.Text;
import java.util.Currency;
import java.util.Set;

/** The currencies the marketplace trades in. */
public final class Currencies {

    public static final Currency CNY = Currency.getInstance("CNY");

    private static final Set<String> SUPPORTED = Set.of("CNY", "USD", "EUR", "TRY", "HKD", "JPY", "GBP");

    private Currencies() {
    }

    /**
     * The supported currency with this ISO 4217 code.
     *
     * @throws InvalidInputException naming the field {@code currency} when the code is unknown or not traded
     */
    public static Currency parse(String code) {
        if (code == null || !SUPPORTED.contains(code)) {
            throw new InvalidInputException("currency",
                    Text.of("platform.currencyNotSupportedUseOne", code, String.join(", ", SUPPORTED.stream().sorted().toList())));
        }
        return Currency.getInstance(code);
    }
}
