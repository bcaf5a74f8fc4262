package io.mercato.fx.internal;

import io.mercato.platform.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;

/** Conversion arithmetic, one rule: through the base currency, rounded half up once, to the target's minor unit. */
final class FxMath {

    static final int RATE_SCALE = 8;

    private FxMath() {
    }

    /**
     * @param fromCny yuan per unit of the source currency (1 for the yuan itself)
     * @param toCny yuan per unit of the target currency
     */
    static Money convert(Money amount, BigDecimal fromCny, Currency to, BigDecimal toCny) {
        if (amount.currency().equals(to)) {
            return amount;
        }
        int fromDigits = Math.max(0, amount.currency().getDefaultFractionDigits());
        int toDigits = Math.max(0, to.getDefaultFractionDigits());
        // minor_to = minor_from × fromCny × 10^toDigits / (toCny × 10^fromDigits), rounded once.
        BigDecimal numerator = BigDecimal.valueOf(amount.minor()).multiply(fromCny).scaleByPowerOfTen(toDigits);
        BigDecimal denominator = toCny.scaleByPowerOfTen(fromDigits);
        long minor = numerator.divide(denominator, 0, RoundingMode.HALF_UP).longValueExact();
        return new Money(minor, to);
    }

    /** How many units of the target one unit of the source is worth, to 8 decimals. */
    static BigDecimal rate(BigDecimal fromCny, BigDecimal toCny) {
        return DefaultExchangeRates.plain(fromCny.divide(toCny, new MathContext(20)).setScale(RATE_SCALE, RoundingMode.HALF_UP));
    }
}
