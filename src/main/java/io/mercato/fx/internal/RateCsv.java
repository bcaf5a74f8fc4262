package io.mercato.fx.internal;

import io.mercato.fx.ExchangeRates;
import io.mercato.fx.ExchangeRates.Rate;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and checks an operator's CSV of rates, one rule without Spring or database: the whole file is checked before
 * anything is written, and the first fault refuses it naming the row (the file's line, the header being 1) and column.
 */
final class RateCsv {

    static final int MAX_ROWS = 10_000;
    static final BigDecimal MAX_RATE = new BigDecimal("1000000");
    static final int MAX_DECIMALS = 8;
    static final int MAX_CHARS = 1_000_000;

    private RateCsv() {
    }

    /**
     * @param today the operator's today: no rate may be dated after it
     * @param staleDays how old a row may be
     */
    static List<Rate> parse(String csv, LocalDate today, int staleDays) {
        if (csv != null && csv.length() > MAX_CHARS) {
            throw refuse(1, "header", "fx.csv.tooLong", MAX_CHARS);
        }
        // A spreadsheet's byte order mark is not part of the header.
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        String[] lines = text.strip().split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw refuse(1, "header", "fx.csv.empty");
        }
        List<String> header = cells(lines[0]).stream().map(cell -> cell.toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(List.of("date", "currency", "rate"))) {
            throw refuse(1, "header", "fx.csv.header");
        }
        if (lines.length == 1) {
            throw refuse(2, "date", "fx.csv.noRows");
        }
        if (lines.length - 1 > MAX_ROWS) {
            throw refuse(MAX_ROWS + 2, "date", "fx.csv.tooMany", MAX_ROWS);
        }
        List<Rate> rates = new ArrayList<>();
        Map<String, Integer> rowOf = new HashMap<>();
        Map<String, TreeMap<LocalDate, Integer>> days = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int row = i + 1;
            List<String> cells = cells(lines[i]);
            if (cells.size() != 3) {
                throw refuse(row, cells.size() < 3 ? header.get(Math.max(0, Math.min(cells.size(), 2))) : "rate",
                        "fx.csv.columns", cells.size());
            }
            LocalDate day;
            try {
                day = LocalDate.parse(cells.get(0));
            } catch (DateTimeParseException e) {
                throw refuse(row, "date", "fx.rate.date", cells.get(0));
            }
            if (day.isAfter(today)) {
                throw refuse(row, "date", "fx.rate.future", day, today);
            }
            if (day.isBefore(today.minusDays(staleDays))) {
                throw refuse(row, "date", "fx.rate.stale", day, staleDays);
            }
            String currency = cells.get(1).toUpperCase(Locale.ROOT);
            if (currency.equals(ExchangeRates.BASE.getCurrencyCode())) {
                throw refuse(row, "currency", "fx.rate.base", currency);
            }
            try {
                Currencies.parse(currency);
            } catch (InvalidInputException e) {
                throw refuse(row, "currency", "fx.rate.currency", cells.get(1));
            }
            BigDecimal rate;
            try {
                rate = new BigDecimal(cells.get(2));
            } catch (NumberFormatException e) {
                throw refuse(row, "rate", "fx.rate.number", cells.get(2));
            }
            if (rate.signum() <= 0) {
                throw refuse(row, "rate", "fx.rate.positive", cells.get(2));
            }
            if (rate.compareTo(MAX_RATE) > 0 || rate.stripTrailingZeros().scale() > MAX_DECIMALS) {
                throw refuse(row, "rate", "fx.rate.range", cells.get(2), MAX_DECIMALS);
            }
            String key = currency + "@" + day;
            Integer before = rowOf.putIfAbsent(key, row);
            if (before != null) {
                throw refuse(row, "date", "fx.rate.duplicate", currency, day, before);
            }
            days.computeIfAbsent(currency, c -> new TreeMap<>()).put(day, row);
            rates.add(new Rate(currency, day, DefaultExchangeRates.plain(rate)));
        }
        for (var entry : days.entrySet()) {
            LocalDate previous = null;
            for (var day : entry.getValue().entrySet()) {
                if (previous != null && !day.getKey().equals(previous.plusDays(1))) {
                    throw refuse(day.getValue(), "date", "fx.rate.gap", entry.getKey(), previous, day.getKey());
                }
                previous = day.getKey();
            }
        }
        return rates;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            String value = cell.strip();
            // A spreadsheet may quote every cell.
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).strip();
            }
            cells.add(value);
        }
        return cells;
    }

    /** A refusal naming the row and column, as {@code rows[3].rate}. */
    static InvalidInputException refuse(int row, String column, String key, Object... args) {
        Object[] all = new Object[args.length + 2];
        all[0] = row;
        all[1] = column;
        System.arraycopy(args, 0, all, 2, args.length);
        return new InvalidInputException("rows[" + row + "]." + column, Text.of(key, all));
    }
}
