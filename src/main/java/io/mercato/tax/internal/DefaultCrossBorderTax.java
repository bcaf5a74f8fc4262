package io.mercato.tax.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import io.mercato.fx.ExchangeRates;
import io.mercato.platform.NotFoundException;
import java.util.HashMap;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.tax.CrossBorderTax;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** VAT tables, import rules and assessments, over the schema {@code tax}. */
@Service
class DefaultCrossBorderTax implements CrossBorderTax {

    private static final java.util.Currency EUR = java.util.Currency.getInstance("EUR");

    private final JdbcClient jdbc;
    private final ExchangeRates rates;
    private final Clock clock;
    private final Catalog catalog;

    DefaultCrossBorderTax(JdbcClient jdbc, ExchangeRates rates, Clock clock, Catalog catalog) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.rates = rates;
        this.clock = clock;
    }

    @Override
    @Transactional
    public VatTable addVatTable(Actor operator, LocalDate effectiveFrom, List<CountryRate> wanted) {
        operator.require(Role.OPERATOR);
        if (effectiveFrom == null) {
            throw new InvalidInputException("effectiveFrom", Text.of("tax.vat.effectiveFrom"));
        }
        Map<String, Integer> byCountry = new LinkedHashMap<>();
        List<CountryRate> given = wanted == null ? List.of() : wanted;
        for (int i = 0; i < given.size(); i++) {
            CountryRate rate = given.get(i);
            String field = "rates[" + i + "]";
            if (rate == null || rate.country() == null) {
                throw new InvalidInputException(field + ".country", Text.of("tax.vat.country", String.valueOf((Object) null)));
            }
            String country = rate.country().strip().toUpperCase(Locale.ROOT);
            if (!EU.contains(country)) {
                throw new InvalidInputException(field + ".country", Text.of("tax.vat.country", rate.country()));
            }
            if (rate.basisPoints() < 0 || rate.basisPoints() > 3000) {
                throw new InvalidInputException(field + ".basisPoints", Text.of("tax.vat.rate", country, rate.basisPoints()));
            }
            if (byCountry.putIfAbsent(country, rate.basisPoints()) != null) {
                throw new InvalidInputException(field + ".country", Text.of("tax.vat.twice", country));
            }
        }
        var missing = new TreeSet<>(EU);
        missing.removeAll(byCountry.keySet());
        if (!missing.isEmpty()) {
            throw new InvalidInputException("rates", Text.of("tax.vat.gaps", String.join(", ", missing)));
        }
        Long id = jdbc.sql("""
                INSERT INTO tax.vat_tables (effective_from, created_at, created_by) VALUES (?, ?, ?)
                ON CONFLICT (effective_from) DO NOTHING RETURNING id""")
                .params(Date.valueOf(effectiveFrom), Timestamp.from(clock.instant()), operator.accountId())
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            throw new InvalidInputException("effectiveFrom", Text.of("tax.vat.sameDay", effectiveFrom));
        }
        jdbc.sql("""
                INSERT INTO tax.vat_rates (table_id, country, basis_points)
                SELECT ?, c, b FROM unnest(?::text[], ?::int[]) AS x(c, b)""")
                .params(id, byCountry.keySet().toArray(String[]::new), byCountry.values().toArray(Integer[]::new))
                .update();
        return table(id);
    }

    private VatTable table(long id) {
        LocalDate from = jdbc.sql("SELECT effective_from FROM tax.vat_tables WHERE id = ?").param(id)
                .query(LocalDate.class).single();
        List<CountryRate> rates = jdbc.sql("SELECT country, basis_points FROM tax.vat_rates WHERE table_id = ? ORDER BY country")
                .param(id).query((rs, n) -> new CountryRate(rs.getString(1), rs.getInt(2))).list();
        return new VatTable(id, from, rates);
    }

    @Override
    @Transactional(readOnly = true)
    public List<VatTable> vatTables() {
        List<VatTable> tables = new ArrayList<>();
        for (Long id : jdbc.sql("SELECT id FROM tax.vat_tables ORDER BY effective_from DESC").query(Long.class).list()) {
            tables.add(table(id));
        }
        return tables;
    }

    @Override
    @Transactional
    public ImportRule putImportRule(Actor operator, ImportRule rule) {
        operator.require(Role.OPERATOR);
        String country = rule.country() == null ? "" : rule.country().strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new InvalidInputException("country", Text.of("tax.import.country", String.valueOf(rule.country())));
        }
        if (EU.contains(country) || country.equals("CN")) {
            throw new InvalidInputException("country", Text.of("tax.import.notHere", country));
        }
        String currency;
        try {
            currency = Currencies.parse(rule.currency()).getCurrencyCode();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("currency", Text.of("fx.currency.unknown", String.valueOf(rule.currency())));
        }
        if (rule.thresholdMinor() < 0 || rule.thresholdMinor() > 100_000_000_00L) {
            throw new InvalidInputException("thresholdMinor", Text.of("tax.import.threshold"));
        }
        if (rule.basisPoints() < 0 || rule.basisPoints() > 10_000) {
            throw new InvalidInputException("basisPoints", Text.of("tax.import.rate"));
        }
        Long categoryId = rule.categoryId();
        if (categoryId != null && !parents().containsKey(categoryId)) {
            throw new InvalidInputException("categoryId", Text.of("tax.import.category", categoryId));
        }
        jdbc.sql("""
                INSERT INTO tax.import_rules (country, category_id, currency, threshold_minor, basis_points)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (country, category_id) DO UPDATE SET currency = EXCLUDED.currency,
                    threshold_minor = EXCLUDED.threshold_minor, basis_points = EXCLUDED.basis_points""")
                .params(country, categoryId == null ? 0L : categoryId, currency, rule.thresholdMinor(), rule.basisPoints())
                .update();
        return new ImportRule(country, currency, rule.thresholdMinor(), rule.basisPoints(), categoryId);
    }

    @Override
    @Transactional
    public void removeImportRule(Actor operator, String country, @Nullable Long categoryId) {
        operator.require(Role.OPERATOR);
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        int removed = jdbc.sql("DELETE FROM tax.import_rules WHERE country = ? AND category_id = ?")
                .params(code, categoryId == null ? 0L : categoryId).update();
        if (removed == 0) {
            throw new NotFoundException(Text.of("tax.import.none", code));
        }
    }

    /** Each category's parent (0 for a top-level one), from the catalogue's tree. */
    private Map<Long, Long> parents() {
        Map<Long, Long> parents = new HashMap<>();
        java.util.ArrayDeque<Category> open = new java.util.ArrayDeque<>(catalog.categoryTree());
        while (!open.isEmpty()) {
            Category category = open.pop();
            parents.put(category.id(), category.parentId() == null ? 0L : category.parentId());
            open.addAll(category.children());
        }
        return parents;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ImportRule> importRules() {
        return jdbc.sql("""
                SELECT country, currency, threshold_minor, basis_points, category_id FROM tax.import_rules
                ORDER BY country, category_id""")
                .query((rs, n) -> new ImportRule(rs.getString(1), rs.getString(2).strip(), rs.getLong(3), rs.getInt(4),
                        rs.getLong(5) == 0 ? null : rs.getLong(5)))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.OptionalInt vatRate(String country, LocalDate on) {
        String destination = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!EU.contains(destination)) {
            return java.util.OptionalInt.empty();
        }
        return jdbc.sql("""
                SELECT r.basis_points FROM tax.vat_tables t JOIN tax.vat_rates r ON r.table_id = t.id
                WHERE t.effective_from <= ? AND r.country = ? ORDER BY t.effective_from DESC LIMIT 1""")
                .params(Date.valueOf(on), destination).query(Integer.class).optional()
                .map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty());
    }

    @Override
    @Transactional(readOnly = true)
    public Assessment assess(String country, Money goods, Money shipping, LocalDate on) {
        return assess(country, List.of(new Goods(0, goods)), shipping, on);
    }

    @Override
    @Transactional(readOnly = true)
    public Assessment assess(String country, List<Goods> lines, Money shipping, LocalDate on) {
        String destination = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!destination.matches("[A-Z]{2}")) {
            throw new InvalidInputException("country", Text.of("tax.import.country", String.valueOf(country)));
        }
        Money goods = Money.zero(shipping.currency());
        for (Goods line : lines) {
            goods = goods.plus(line.amount());
        }
        if (EU.contains(destination)) {
            record Found(long tableId, int basisPoints) {
            }
            Found found = jdbc.sql("""
                    SELECT t.id, r.basis_points FROM tax.vat_tables t JOIN tax.vat_rates r ON r.table_id = t.id
                    WHERE t.effective_from <= ? AND r.country = ? ORDER BY t.effective_from DESC LIMIT 1""")
                    .params(Date.valueOf(on), destination)
                    .query((rs, n) -> new Found(rs.getLong(1), rs.getInt(2))).optional()
                    .orElseThrow(() -> new ConflictException(Text.of("tax.vat.none", destination, on)));
            Money inEuros = rates.convert(goods, EUR, on).to();
            return TaxRule.eu(destination, found.basisPoints(), goods, shipping, inEuros, found.tableId());
        }
        List<ImportRule> rules = importRules().stream().filter(r -> r.country().equals(destination)).toList();
        if (rules.isEmpty()) {
            return TaxRule.elsewhere(destination, null, goods, null);
        }
        Map<Long, Long> parents = rules.stream().anyMatch(r -> r.categoryId() != null) ? parents() : Map.of();
        Map<String, Money> inCurrency = new HashMap<>();
        List<TaxRule.Dutiable> dutiable = new ArrayList<>();
        for (Goods line : lines) {
            ImportRule rule = TaxRule.ruleFor(line.categoryId(), rules, parents);
            if (rule == null) {
                continue;
            }
            Money parcelInRuleCurrency = inCurrency.computeIfAbsent(rule.currency(),
                    code -> rates.convert(goodsOf(lines, shipping), Currencies.parse(code), on).to());
            dutiable.add(new TaxRule.Dutiable(line.amount(), rule, parcelInRuleCurrency));
        }
        return TaxRule.duties(destination, goods, dutiable);
    }

    private static Money goodsOf(List<Goods> lines, Money shipping) {
        Money goods = Money.zero(shipping.currency());
        for (Goods line : lines) {
            goods = goods.plus(line.amount());
        }
        return goods;
    }

}
