package io.mercato.fx;

import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Dated exchange rates and conversions. A rate says how many yuan (CNY, the marketplace's base currency) one unit of a
 * currency is worth on a day; a conversion between two other currencies crosses through the yuan. Converted amounts
 * round half up to the minor unit of the target currency (no minor unit for JPY).
 */
public interface ExchangeRates {

    /** The base currency every rate is quoted in. */
    Currency BASE = Currency.getInstance("CNY");

    /**
     * Loads a CSV of rates ({@code date,currency,rate} with that header): every row or none. Refused with a 400 whose
     * field names the row and column ({@code rows[3].rate}) when a rate is zero, negative or malformed, a currency is
     * unknown or the base, a date is in the future or older than the staleness limit, a row repeats a currency and day,
     * or a currency's days have a gap within the file (a pause between loads is no gap: the latest rate serves,
     * within its age limit). Each
     * refusal is recorded for operators ({@link #refusedLoads}). Operators only.
     */
    Loaded load(Actor operator, String csv);

    /** The latest rate of each currency, with its day; anyone. */
    List<Rate> latest();

    /** A currency's rates between two days (both included, at most 366 days); anyone. */
    List<Rate> history(String currency, LocalDate from, LocalDate to);

    /**
     * The amount in another currency at the rate in force on the day: the rate of that day, else of the latest day
     * before it within the staleness limit ({@code mercato.fx.max-age-days}).
     *
     * @throws io.mercato.platform.ConflictException when no rate that fresh is known for either currency
     */
    Conversion convert(Money amount, Currency to, LocalDate on);

    /** {@link #convert(Money, Currency, LocalDate)} on the marketplace's day at that instant. */
    Conversion convert(Money amount, Currency to, Instant at);

    /**
     * The amount converted at a fixed reference period's rates (each currency's average daily rate over the month), so
     * figures of several periods compare without the currencies' movements: constant-currency growth.
     *
     * @throws io.mercato.platform.ConflictException when the period has no rate for either currency
     */
    Money atReference(Money amount, Currency to, YearMonth reference);

    /** The refused loads, newest first (at most 100); operators only. */
    List<RefusedLoad> refusedLoads(Actor operator);

    /** The currency an account wants prices shown in; null when it chose none (prices stay in their own currency). */
    @Nullable Currency displayCurrency(long accountId);

    /** Sets (or with null, clears) the account's display currency; any signed-in account for itself. */
    @Nullable Currency chooseDisplayCurrency(Actor actor, @Nullable String currency);

    /** @param cnyPerUnit how many yuan one unit of the currency is worth on the day */
    record Rate(String currency, LocalDate day, BigDecimal cnyPerUnit) {
    }

    record Loaded(int rows, List<String> currencies, LocalDate from, LocalDate to) {
    }

    /**
     * @param rate how many units of the target one unit of the source is worth (8 decimals)
     * @param rateDay the day of the rates used
     */
    record Conversion(Money from, Money to, BigDecimal rate, LocalDate rateDay) {
    }

    /** @param row the CSV line (1 is the header), 0 when the file as a whole was refused */
    record RefusedLoad(long id, Instant at, long operatorId, int row, String column, String reason) {
    }
}
