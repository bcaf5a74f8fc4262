package io.mercato.tax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.platform.Money;
import io.mercato.tax.CrossBorderTax.Assessment;
import io.mercato.tax.CrossBorderTax.ImportRule;
import io.mercato.tax.CrossBorderTax.Treatment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The IOSS rule and VAT rounding, with seeded properties (the seed is printed on failure; {@code -Dtax.seed=} replays
 * it): VAT is the exact rate on goods and shipping rounded half up, collected at checkout up to EUR 150.00 of goods and
 * due at the border above, never both.
 */
class TaxRuleTest {

    @Test
    void upToOneHundredFiftyEurosVatIsCollectedAboveItIsDueAtTheBorder() {
        Assessment atCeiling = TaxRule.eu("DE", 1900, Money.of(100_000, "CNY"), Money.of(800, "CNY"), Money.of(15_000, "EUR"), 1);
        assertThat(atCeiling.treatment()).isEqualTo(Treatment.IOSS_VAT);
        assertThat(atCeiling.collected()).isEqualTo(Money.of(19_152, "CNY"));
        assertThat(atCeiling.due().minor()).isZero();

        Assessment above = TaxRule.eu("DE", 1900, Money.of(100_010, "CNY"), Money.of(800, "CNY"), Money.of(15_001, "EUR"), 1);
        assertThat(above.treatment()).isEqualTo(Treatment.IMPORT_VAT_AT_BORDER);
        assertThat(above.collected().minor()).isZero();
        assertThat(above.due()).isEqualTo(Money.of(19_154, "CNY"));
    }

    @Test
    void otherDestinationsPayTheirRulesDutyAboveItsThresholdOnly() {
        ImportRule us = new ImportRule("US", "USD", 80_000, 500);
        assertThat(TaxRule.elsewhere("US", us, Money.of(10_000, "CNY"), Money.of(1_408, "USD")).treatment())
                .isEqualTo(Treatment.NONE);
        Assessment duty = TaxRule.elsewhere("US", us, Money.of(600_000, "CNY"), Money.of(84_507, "USD"));
        assertThat(duty.treatment()).isEqualTo(Treatment.DUTY);
        assertThat(duty.collected()).isEqualTo(Money.of(30_000, "CNY"));
        assertThat(TaxRule.elsewhere("JP", null, Money.of(600_000, "CNY"), null).treatment()).isEqualTo(Treatment.NONE);
    }

    @Test
    void vatIsTheExactRateRoundedHalfUpAndCollectedOrDueNeverBoth() {
        long seed = Long.getLong("tax.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            long goods = random.nextLong(0, 10_000_000_000L);
            long shipping = random.nextLong(0, 100_000);
            int rate = random.nextInt(3_001);
            long euros = random.nextLong(0, 30_000);
            Assessment assessed = TaxRule.eu("FR", rate, Money.of(goods, "CNY"), Money.of(shipping, "CNY"),
                    Money.of(euros, "EUR"), 1);
            BigDecimal exact = BigDecimal.valueOf(goods + shipping).multiply(BigDecimal.valueOf(rate))
                    .divide(BigDecimal.valueOf(10_000));
            long vat = assessed.collected().minor() + assessed.due().minor();
            assertThat(vat).as("seed %d", seed).isEqualTo(exact.setScale(0, RoundingMode.HALF_UP).longValueExact());
            assertThat(assessed.collected().minor() == 0 || assessed.due().minor() == 0).as("seed %d", seed).isTrue();
            assertThat(assessed.treatment()).as("seed %d", seed)
                    .isEqualTo(euros <= 15_000 ? Treatment.IOSS_VAT : Treatment.IMPORT_VAT_AT_BORDER);
        }
    }
}
