package io.mercato.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.mercato.ordering.OrderStatistics.DailySales;
import io.mercato.platform.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A day's sales are in one currency: its GMV and its refunds. */
class DailySalesTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    @Test
    void gmvAndRefundsShareTheDaysCurrency() {
        DailySales sales = new DailySales(DAY, Money.of(11_000, "CNY"), Money.of(1_000, "CNY"), 1, 1);

        assertThat(sales.gmv().minus(sales.refunded())).isEqualTo(Money.of(10_000, "CNY"));
    }

    @Test
    void refundsInAnotherCurrencyAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DailySales(DAY, Money.of(11_000, "CNY"), Money.of(0, "USD"), 1, 1))
                .withMessageContaining("2026-12-02").withMessageContaining("110.00 CNY").withMessageContaining("0.00 USD");
    }
}
