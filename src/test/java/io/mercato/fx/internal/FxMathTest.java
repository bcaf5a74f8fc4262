package io.mercato.fx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.platform.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Conversion rounding as properties over seeded random amounts, rates and currencies (the seed is printed in every
 * failure; set {@code -Dfx.seed=} to replay one): a converted amount is the exact value rounded half up to the target's
 * minor unit, so never more than half a minor unit off; the same currency converts to itself; and a sum converted
 * differs from the sum of its parts converted by at most half a minor unit per part.
 */
class FxMathTest {

    private static final List<Currency> CURRENCIES = List.of("CNY", "USD", "EUR", "JPY", "GBP", "HKD", "TRY").stream()
            .map(Currency::getInstance).toList();

    private static long seed() {
        String given = System.getProperty("fx.seed");
        return given == null ? System.nanoTime() : Long.parseLong(given);
    }

    private static BigDecimal rate(Random random, Currency currency) {
        if (currency.getCurrencyCode().equals("CNY")) {
            return BigDecimal.ONE;
        }
        return BigDecimal.valueOf(1 + random.nextInt(2_000_000_000), 8);
    }

    @Test
    void aConversionIsTheExactValueRoundedHalfUpToTheTargetsMinorUnit() {
        long seed = seed();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            Currency from = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            Currency to = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            BigDecimal fromCny = rate(random, from);
            BigDecimal toCny = rate(random, to);
            long minor = random.nextLong(-1_000_000_000L, 1_000_000_000L);
            Money converted = FxMath.convert(new Money(minor, from), fromCny, to, toCny);

            assertThat(converted.currency()).isEqualTo(to);
            BigDecimal exact = BigDecimal.valueOf(minor).multiply(fromCny)
                    .divide(toCny, MathContext.DECIMAL128)
                    .scaleByPowerOfTen(to.getDefaultFractionDigits() - from.getDefaultFractionDigits());
            if (from.equals(to)) {
                assertThat(converted.minor()).as("seed %d: same currency", seed).isEqualTo(minor);
            } else {
                assertThat(BigDecimal.valueOf(converted.minor()).subtract(exact).abs())
                        .as("seed %d: %d %s at %s/%s to %s", seed, minor, from, fromCny, toCny, to)
                        .isLessThanOrEqualTo(new BigDecimal("0.5"));
            }
        }
    }

    @Test
    void theSumConvertedIsWithinHalfAMinorUnitPerPartOfThePartsConverted() {
        long seed = seed();
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            Currency from = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            Currency to = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            BigDecimal fromCny = rate(random, from);
            BigDecimal toCny = rate(random, to);
            int parts = 1 + random.nextInt(10);
            long total = 0;
            long convertedParts = 0;
            for (int p = 0; p < parts; p++) {
                long minor = random.nextLong(0, 10_000_000L);
                total += minor;
                convertedParts += FxMath.convert(new Money(minor, from), fromCny, to, toCny).minor();
            }
            long convertedTotal = FxMath.convert(new Money(total, from), fromCny, to, toCny).minor();
            assertThat(Math.abs(convertedTotal - convertedParts)).as("seed %d", seed)
                    .isLessThanOrEqualTo((parts + 1) / 2 + 1);
        }
    }

    @Test
    void halfAMinorUnitRoundsUpAndTheRateIsShownToEightDecimals() {
        // ¥0.05 at 10 yuan a euro is half a cent: rounded up to €0.01 (and −¥0.05 to −€0.01).
        assertThat(FxMath.convert(Money.of(5, "CNY"), BigDecimal.ONE, Currency.getInstance("EUR"), BigDecimal.TEN))
                .isEqualTo(Money.of(1, "EUR"));
        assertThat(FxMath.convert(Money.of(-5, "CNY"), BigDecimal.ONE, Currency.getInstance("EUR"), BigDecimal.TEN))
                .isEqualTo(Money.of(-1, "EUR"));
        assertThat(FxMath.rate(BigDecimal.ONE, new BigDecimal("7.65"))).isEqualByComparingTo("0.13071895");
        assertThat(FxMath.rate(new BigDecimal("90"), BigDecimal.ONE).toPlainString()).isEqualTo("90");
    }
}
