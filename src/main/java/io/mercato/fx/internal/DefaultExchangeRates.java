package io.mercato.fx.internal;

import io.mercato.fx.ExchangeRates;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The rates table, its CSV loads (all or nothing, refusals recorded in a transaction of their own) and conversions. */
@Service
class DefaultExchangeRates implements ExchangeRates {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final int maxAgeDays;
    private final int staleDays;
    private final TransactionTemplate separately;

    DefaultExchangeRates(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone,
            @Value("${mercato.fx.max-age-days:3}") int maxAgeDays,
            @Value("${mercato.fx.stale-after-days:30}") int staleDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.maxAgeDays = maxAgeDays;
        this.staleDays = staleDays;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    @Override
    @Transactional
    public Loaded load(Actor operator, String csv) {
        operator.require(Role.OPERATOR);
        // One load at a time: a day loaded twice at once takes one of the rates, whole.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('fx.rates'))").query(Object.class).single();
        List<Rate> rates;
        try {
            rates = RateCsv.parse(csv, today(), staleDays);
        } catch (InvalidInputException refused) {
            recordRefusal(operator, refused);
            throw refused;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO fx.rates (currency, day, cny_per_unit, loaded_at, loaded_by)
                SELECT c, d, r, ?, ? FROM unnest(?::text[], ?::date[], ?::numeric[]) AS x(c, d, r)
                ON CONFLICT (currency, day) DO UPDATE SET cny_per_unit = EXCLUDED.cny_per_unit,
                    loaded_at = EXCLUDED.loaded_at, loaded_by = EXCLUDED.loaded_by""")
                .params(now, operator.accountId(),
                        rates.stream().map(Rate::currency).toArray(String[]::new),
                        rates.stream().map(rate -> Date.valueOf(rate.day())).toArray(Date[]::new),
                        rates.stream().map(Rate::cnyPerUnit).toArray(BigDecimal[]::new))
                .update();
        var currencies = new TreeSet<String>();
        rates.forEach(rate -> currencies.add(rate.currency()));
        LocalDate from = rates.stream().map(Rate::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = rates.stream().map(Rate::day).max(LocalDate::compareTo).orElseThrow();
        return new Loaded(rates.size(), List.copyOf(currencies), from, to);
    }

    private void recordRefusal(Actor operator, InvalidInputException refused) {
        String field = refused.field();
        int row = 0;
        String column = field;
        var match = java.util.regex.Pattern.compile("rows\\[(\\d+)]\\.(\\w+)").matcher(field);
        if (match.matches()) {
            row = Integer.parseInt(match.group(1));
            column = match.group(2);
        }
        int refusedRow = row;
        String refusedColumn = column;
        String reason = refused.text().key();
        separately.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO fx.refused_loads (at, operator_id, row_number, column_name, reason) VALUES (?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), operator.accountId(), refusedRow, refusedColumn, reason)
                .update());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Rate> latest() {
        return jdbc.sql("""
                SELECT DISTINCT ON (currency) currency, day, cny_per_unit FROM fx.rates ORDER BY currency, day DESC""")
                .query((rs, n) -> new Rate(rs.getString(1).strip(), rs.getObject(2, LocalDate.class),
                        plain(rs.getBigDecimal(3))))
                .list();
    }

    /** The rate without trailing zeros, never in exponent form ({@code 90}, not {@code 9E+1}). */
    static BigDecimal plain(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Rate> history(String currency, LocalDate from, LocalDate to) {
        String code = Currencies.parse(currency).getCurrencyCode();
        if (to.isBefore(from) || to.isAfter(from.plusDays(366))) {
            throw new InvalidInputException("to", Text.of("fx.history.range"));
        }
        return jdbc.sql("SELECT currency, day, cny_per_unit FROM fx.rates WHERE currency = ? AND day BETWEEN ? AND ? ORDER BY day")
                .params(code, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new Rate(rs.getString(1).strip(), rs.getObject(2, LocalDate.class),
                        plain(rs.getBigDecimal(3))))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Conversion convert(Money amount, Currency to, LocalDate on) {
        LocalDate[] day = {on};
        BigDecimal fromCny = inForce(amount.currency(), on, day);
        BigDecimal toCny = inForce(to, on, day);
        return new Conversion(amount, converted(amount, fromCny, to, toCny), FxMath.rate(fromCny, toCny), day[0]);
    }

    @Override
    @Transactional(readOnly = true)
    public Conversion convert(Money amount, Currency to, java.time.Instant at) {
        return convert(amount, to, at.atZone(zone).toLocalDate());
    }

    /** The currency's rate in force on the day; {@code day[0]} becomes the oldest rate day used. */
    private BigDecimal inForce(Currency currency, LocalDate on, LocalDate[] day) {
        if (currency.equals(BASE)) {
            return BigDecimal.ONE;
        }
        record Found(LocalDate day, BigDecimal rate) {
        }
        Found found = jdbc.sql("""
                SELECT day, cny_per_unit FROM fx.rates WHERE currency = ? AND day <= ? AND day >= ?
                ORDER BY day DESC LIMIT 1""")
                .params(currency.getCurrencyCode(), Date.valueOf(on), Date.valueOf(on.minusDays(maxAgeDays)))
                .query((rs, n) -> new Found(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)))
                .optional()
                .orElseThrow(() -> new ConflictException(Text.of("fx.rate.none", currency.getCurrencyCode(), on, maxAgeDays)));
        if (found.day().isBefore(day[0])) {
            day[0] = found.day();
        }
        return found.rate();
    }

    @Override
    @Transactional(readOnly = true)
    public Money atReference(Money amount, Currency to, YearMonth reference) {
        BigDecimal fromCny = average(amount.currency(), reference);
        BigDecimal toCny = average(to, reference);
        return converted(amount, fromCny, to, toCny);
    }

    /** The conversion, refused naming {@code amountMinor} when the result does not fit a whole number of minor units. */
    private static Money converted(Money amount, BigDecimal fromCny, Currency to, BigDecimal toCny) {
        try {
            return FxMath.convert(amount, fromCny, to, toCny);
        } catch (ArithmeticException tooLarge) {
            throw new InvalidInputException("amountMinor", Text.of("fx.amount.tooLarge", amount.minor(), to.getCurrencyCode()));
        }
    }

    private BigDecimal average(Currency currency, YearMonth reference) {
        if (currency.equals(BASE)) {
            return BigDecimal.ONE;
        }
        BigDecimal average = jdbc.sql("""
                SELECT round(avg(cny_per_unit), 8) FROM fx.rates WHERE currency = ? AND day BETWEEN ? AND ?""")
                .params(currency.getCurrencyCode(), Date.valueOf(reference.atDay(1)), Date.valueOf(reference.atEndOfMonth()))
                .query(BigDecimal.class).optional().orElse(null);
        if (average == null) {
            throw new ConflictException(Text.of("fx.reference.none", currency.getCurrencyCode(), reference));
        }
        return average;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RefusedLoad> refusedLoads(Actor operator) {
        operator.require(Role.OPERATOR);
        return jdbc.sql("""
                SELECT id, at, operator_id, row_number, column_name, reason FROM fx.refused_loads ORDER BY id DESC LIMIT 100""")
                .query((rs, n) -> new RefusedLoad(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public @Nullable Currency displayCurrency(long accountId) {
        return jdbc.sql("SELECT currency FROM fx.display_currencies WHERE account_id = ?").param(accountId)
                .query(String.class).optional().map(code -> Currency.getInstance(code.strip())).orElse(null);
    }

    @Override
    @Transactional
    public @Nullable Currency chooseDisplayCurrency(Actor actor, @Nullable String currency) {
        actor.require(Role.BUYER, Role.SELLER, Role.OPERATOR);
        if (currency == null || currency.isBlank()) {
            jdbc.sql("DELETE FROM fx.display_currencies WHERE account_id = ?").param(actor.accountId()).update();
            return null;
        }
        Currency chosen;
        try {
            chosen = Currencies.parse(currency.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("currency", Text.of("fx.currency.unknown", currency));
        }
        jdbc.sql("""
                INSERT INTO fx.display_currencies (account_id, currency) VALUES (?, ?)
                ON CONFLICT (account_id) DO UPDATE SET currency = EXCLUDED.currency""")
                .params(actor.accountId(), chosen.getCurrencyCode()).update();
        return chosen;
    }
}
