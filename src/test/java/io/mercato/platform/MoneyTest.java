package io.mercato.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Money: exact arithmetic in minor units, one currency at a time, fees rounded half up. */
class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static Money cny(long minor) {
        return new Money(minor, Currencies.CNY);
    }

    @Test
    void amountsOfOneCurrencyAddSubtractAndMultiply() {
        assertThat(cny(24_750).plus(cny(250))).isEqualTo(cny(25_000));
        assertThat(cny(250).minus(cny(24_750))).isEqualTo(cny(-24_500));
        assertThat(cny(8_250).times(3)).isEqualTo(cny(24_750));
        assertThat(cny(8_250).times(-1)).isEqualTo(cny(-8_250));
        assertThat(cny(8_250).times(0)).isEqualTo(Money.zero(Currencies.CNY));
    }

    @Test
    void arithmeticThatWouldOverflowThrowsInsteadOfWrappingAround() {
        assertThatThrownBy(() -> cny(Long.MAX_VALUE).plus(cny(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> cny(Long.MIN_VALUE).minus(cny(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> cny(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> cny(Long.MIN_VALUE).times(-1)).isInstanceOf(ArithmeticException.class);
        assertThat(cny(Long.MAX_VALUE - 1).plus(cny(1))).isEqualTo(cny(Long.MAX_VALUE));
    }

    @Test
    void amountsInDifferentCurrenciesDoNotCombineAndTheMessageNamesBoth() {
        Money yuan = cny(100);
        Money dollar = new Money(100, USD);

        assertThatThrownBy(() -> yuan.plus(dollar)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot combine 1.00 CNY with 1.00 USD: currencies differ");
        assertThatThrownBy(() -> dollar.minus(yuan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot combine 1.00 USD with 1.00 CNY: currencies differ");
    }

    @ParameterizedTest(name = "{0} x {1} bp = {2}")
    @CsvSource({
            // the platform's fees on amounts the order tests use: 0.6% of 247.50 is 1.485, 5% of 399.98 is 19.999
            "24750, 60, 149",
            "39998, 500, 2000",
            "3333, 200, 67",
            "15000, 60, 90",
            // exactly half a fen rounds away from zero, just under half rounds towards it
            "1, 5000, 1",
            "1, 4999, 0",
            "3, 5000, 2",
            "-1, 5000, -1",
            "-1, 4999, 0",
            "-3, 5000, -2",
            // negative amounts (refunds) mirror positive ones
            "-24750, 60, -149",
            "-3333, 200, -67",
            "24750, -60, -149",
            // the edges
            "0, 60, 0",
            "24750, 0, 0",
            "24750, 10000, 24750",
            "9223372036854775807, 10000, 9223372036854775807",
            "9223372036854775807, 5000, 4611686018427387904"
    })
    void basisPointsRoundHalfUpToTheMinorUnit(long minor, int basisPoints, long expected) {
        assertThat(cny(minor).basisPoints(basisPoints)).isEqualTo(cny(expected));
    }

    @Test
    void basisPointsBeyondTheRangeOfALongThrow() {
        assertThatThrownBy(() -> cny(Long.MAX_VALUE).basisPoints(20_000)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> cny(Long.MIN_VALUE).basisPoints(-10_000)).isInstanceOf(ArithmeticException.class);
    }

    /** So a refund's fee is exactly the negated fee of the charge it undoes. */
    @Test
    void basisPointsOfANegatedAmountAreTheNegatedBasisPoints() {
        long seed = ThreadLocalRandom.current().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            long minor = random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
            int basisPoints = random.nextInt(0, 10_001);
            assertThat(cny(-minor).basisPoints(basisPoints))
                    .as("%s x %s bp (seed %s)", -minor, basisPoints, seed)
                    .isEqualTo(cny(-cny(minor).basisPoints(basisPoints).minor()));
        }
    }

    @Test
    void signIsReadFromTheMinorAmount() {
        assertThat(cny(-1).isNegative()).isTrue();
        assertThat(cny(-1).isPositive()).isFalse();
        assertThat(cny(1).isPositive()).isTrue();
        assertThat(cny(1).isNegative()).isFalse();
        assertThat(cny(0).isNegative()).isFalse();
        assertThat(cny(0).isPositive()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} reads {2}")
    @CsvSource({
            "24750, CNY, 247.50 CNY",
            "5, CNY, 0.05 CNY",
            "-5, CNY, -0.05 CNY",
            "-24750, CNY, -247.50 CNY",
            "0, CNY, 0.00 CNY",
            "1500, JPY, 1500 JPY",
            "-1500, JPY, -1500 JPY",
            "199, USD, 1.99 USD"
    })
    void toStringShowsTheAmountInMajorUnitsAndTheCurrencyCode(long minor, String currency, String text) {
        assertThat(Money.of(minor, currency)).hasToString(text);
    }

    @Test
    void moneyIsAValueEqualByAmountAndCurrency() {
        assertThat(Money.of(100, "CNY")).isEqualTo(cny(100)).hasSameHashCodeAs(cny(100));
        assertThat(Money.of(100, "CNY")).isNotEqualTo(Money.of(100, "HKD")).isNotEqualTo(cny(101));
        assertThat(cny(100).currencyCode()).isEqualTo("CNY");
    }

    @Test
    void moneyWithoutACurrencyIsRefused() {
        assertThatNullPointerException().isThrownBy(() -> new Money(100, null)).withMessage("currency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CNY", "USD", "EUR", "TRY", "HKD", "JPY", "GBP"})
    void everyTradedCurrencyParses(String code) {
        assertThat(Currencies.parse(code)).isEqualTo(Currency.getInstance(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XAU", "cny", " CNY", "RMB", "CHF", "C"})
    void aCurrencyThatIsNotTradedIsInvalidInputOnTheCurrencyField(String code) {
        assertThatThrownBy(() -> Currencies.parse(code)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("currency");
            assertThat(e.getMessage()).isEqualTo("Currency '" + code + "' is not supported; use one of "
                    + "CNY, EUR, GBP, HKD, JPY, TRY, USD");
        });
        assertThatThrownBy(() -> Money.of(100, code)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingCurrencyIsInvalidInputOnTheCurrencyField(String code) {
        assertThatThrownBy(() -> Currencies.parse(code)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("currency"));
    }
}
