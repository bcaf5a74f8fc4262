package io.mercato.payment;

import java.time.LocalDate;

/** Money booked on one day, in one currency. */
public record DailyAmount(LocalDate day, String currency, long amountMinor) {
}
