package io.mercato.tax.internal;

import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Text;
import io.mercato.tax.CrossBorderTax;
import io.mercato.tax.CrossBorderTax.Assessment;
import io.mercato.tax.CrossBorderTax.CountryRate;
import io.mercato.tax.CrossBorderTax.ImportRule;
import io.mercato.tax.CrossBorderTax.VatTable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cross-border tax", description = "EU VAT tables, IOSS, other destinations' duties")
class TaxController {

    private static final long MAX_MINOR = 1_000_000_000_000L;

    private final CrossBorderTax tax;
    private final Clock clock;
    private final ZoneId zone;

    TaxController(CrossBorderTax tax, Clock clock, @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.tax = tax;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    record NewVatTable(@Nullable String effectiveFrom, @Nullable List<CountryRate> rates) {
    }

    @PostMapping("/operator/tax/vat-tables")
    @ResponseStatus(HttpStatus.CREATED)
    VatTable addVatTable(@RequestBody NewVatTable table, Actor operator) {
        LocalDate from = table.effectiveFrom() == null ? null : day("effectiveFrom", table.effectiveFrom());
        return tax.addVatTable(operator, from, table.rates() == null ? List.of() : table.rates());
    }

    @GetMapping("/tax/vat-tables")
    List<VatTable> vatTables() {
        return tax.vatTables();
    }

    @PutMapping("/operator/tax/import-rules/{country}")
    ImportRule putImportRule(@PathVariable String country, @RequestBody ImportRule rule, Actor operator) {
        return tax.putImportRule(operator, new ImportRule(country, rule.currency(), rule.thresholdMinor(), rule.basisPoints(),
                rule.categoryId()));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/operator/tax/import-rules/{country}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeImportRule(@PathVariable String country, @RequestParam(required = false) @Nullable Long categoryId,
            Actor operator) {
        tax.removeImportRule(operator, country, categoryId);
    }

    @GetMapping("/tax/import-rules")
    List<ImportRule> importRules() {
        return tax.importRules();
    }

    /** What a parcel to the country owes: IOSS VAT collected, import VAT due at the border, or a duty. */
    @GetMapping("/tax/assessment")
    Assessment assess(@RequestParam String country, @RequestParam long goodsMinor,
            @RequestParam(defaultValue = "0") long shippingMinor, @RequestParam String currency,
            @RequestParam(required = false) @Nullable String on) {
        Currency code;
        try {
            code = Currencies.parse(currency);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("currency", Text.of("fx.currency.unknown", currency));
        }
        if (goodsMinor < 0 || shippingMinor < 0 || goodsMinor > MAX_MINOR || shippingMinor > MAX_MINOR) {
            throw new InvalidInputException(goodsMinor < 0 ? "goodsMinor" : "shippingMinor", Text.of("tax.amount.negative"));
        }
        return tax.assess(country, new Money(goodsMinor, code), new Money(shippingMinor, code),
                on == null ? clock.instant().atZone(zone).toLocalDate() : day("on", on));
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Text.of("fx.day.invalid", text));
        }
    }
}
