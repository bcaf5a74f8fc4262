package io.mercato.payment;

import io.mercato.platform.Money;
import java.time.LocalDate;

/** Money booked on one day, in one currency. */
public record DailyAmount(LocalDate day, Money amount) {
}
