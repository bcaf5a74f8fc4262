package io.mercato.web.ops;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import io.mercato.http.Wording;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.tax.CrossBorderTax;
import io.mercato.tax.CrossBorderTax.CountryRate;
import io.mercato.tax.CrossBorderTax.ImportRule;
import io.mercato.tax.CrossBorderTax.VatTable;
import io.mercato.web.common.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's cross-border taxes: the EU VAT tables (the one in force with every member state's rate, the earlier
 * ones by date), a new table loaded from pasted {@code country,percent} rows, and other destinations' import rules by
 * category, set and removed. Refusals are shown in the reader's language and name the row, country or field.
 */
@Controller
final class OpsTaxController {

    private final CrossBorderTax tax;
    private final Catalog catalog;
    private final Wording wording;

    OpsTaxController(CrossBorderTax tax, Catalog catalog, Wording wording) {
        this.tax = tax;
        this.catalog = catalog;
        this.wording = wording;
    }

    @GetMapping("/ops/tax")
    String page(Actor operator, Model model) {
        operator.require(Role.OPERATOR);
        List<VatTable> tables = tax.vatTables();
        model.addAttribute("tables", tables);
        VatTable latest = tables.isEmpty() ? null : tables.getFirst();
        model.addAttribute("latest", latest);
        if (!model.containsAttribute("rows")) {
            model.addAttribute("rows", latest == null ? "" : latest.rates().stream()
                    .map(rate -> rate.country() + "," + percent(rate.basisPoints())).collect(Collectors.joining("\n")));
        }
        model.addAttribute("rules", tax.importRules());
        model.addAttribute("categories", categoryNames());
        return "ops/tax";
    }

    @PostMapping("/ops/tax/vat-tables")
    String addTable(Actor operator, @RequestParam(defaultValue = "") String effectiveFrom,
            @RequestParam(defaultValue = "") String rows, RedirectAttributes redirect) {
        try {
            LocalDate from;
            try {
                from = LocalDate.parse(effectiveFrom.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("effectiveFrom", Text.of("tax.vat.effectiveFrom"));
            }
            VatTable added = tax.addVatTable(operator, from, parse(rows));
            redirect.addFlashAttribute("notice", "tax.ops.added");
            redirect.addFlashAttribute("addedDay", added.effectiveFrom());
        } catch (DomainException refused) {
            redirect.addFlashAttribute("error", wording.of(refused));
            redirect.addFlashAttribute("rows", rows);
            redirect.addFlashAttribute("effectiveFrom", effectiveFrom);
        }
        return "redirect:/ops/tax";
    }

    @PostMapping("/ops/tax/import-rules")
    String putRule(Actor operator, @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String threshold,
            @RequestParam(defaultValue = "") String rate, @RequestParam(required = false) @Nullable Long categoryId,
            RedirectAttributes redirect) {
        try {
            String code = currency.strip().isEmpty() ? "USD" : currency.strip();
            long thresholdMinor;
            try {
                thresholdMinor = Formats.parseMinor(threshold.isBlank() ? "0" : threshold, code);
            } catch (RuntimeException e) {
                throw new InvalidInputException("thresholdMinor", Text.of("tax.import.threshold"));
            }
            int basisPoints = basisPoints(rate, "basisPoints", Text.of("tax.import.rate"));
            tax.putImportRule(operator, new ImportRule(country, currency, thresholdMinor, basisPoints,
                    categoryId == null || categoryId == 0 ? null : categoryId));
            redirect.addFlashAttribute("notice", "tax.ops.ruleSaved");
        } catch (DomainException refused) {
            redirect.addFlashAttribute("error", wording.of(refused));
        }
        return "redirect:/ops/tax";
    }

    @PostMapping("/ops/tax/import-rules/remove")
    String removeRule(Actor operator, @RequestParam(defaultValue = "") String country,
            @RequestParam(required = false) @Nullable Long categoryId, RedirectAttributes redirect) {
        try {
            tax.removeImportRule(operator, country, categoryId == null || categoryId == 0 ? null : categoryId);
            redirect.addFlashAttribute("notice", "tax.ops.ruleRemoved");
        } catch (DomainException refused) {
            redirect.addFlashAttribute("error", wording.of(refused));
        }
        return "redirect:/ops/tax";
    }

    /** Rows of {@code country,percent}, such as {@code DE,19} or {@code IE,23.00}; a blank line is skipped. */
    static List<CountryRate> parse(String text) {
        List<CountryRate> rates = new ArrayList<>();
        String[] lines = text.replace("\uFEFF", "").split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("[,;\\t]");
            if (cells.length != 2 || cells[0].isBlank()) {
                throw new InvalidInputException("rows[" + (i + 1) + "]", Text.of("tax.ops.row", i + 1, line));
            }
            int basisPoints = basisPoints(cells[1], "rows[" + (i + 1) + "]", Text.of("tax.ops.row", i + 1, line));
            rates.add(new CountryRate(cells[0].strip(), basisPoints));
        }
        return rates;
    }

    /** A percentage with at most two decimals as basis points. */
    private static int basisPoints(String percent, String field, Text refusal) {
        try {
            BigDecimal value = new BigDecimal(percent.strip().replace("%", ""));
            if (value.scale() > 2 || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new InvalidInputException(field, refusal);
            }
            return value.movePointRight(2).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(field, refusal);
        }
    }

    static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
    }

    /** Every category by id, with its path (Parent / Child), for the rule form and the rules' table. */
    private Map<Long, String> categoryNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        ArrayDeque<Map.Entry<String, Category>> open = new ArrayDeque<>();
        catalog.categoryTree().forEach(category -> open.add(Map.entry("", category)));
        while (!open.isEmpty()) {
            var next = open.pop();
            String name = next.getKey() + next.getValue().name();
            names.put(next.getValue().id(), name);
            next.getValue().children().forEach(child -> open.add(Map.entry(name + " / ", child)));
        }
        return names;
    }
}
