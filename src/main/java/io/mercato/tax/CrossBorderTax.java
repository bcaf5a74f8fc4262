package io.mercato.tax;

import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The taxes a parcel to a destination country owes. EU destinations pay VAT at the destination's standard rate from the
 * table in force on the day: collected at checkout under IOSS when the goods are worth at most EUR 150 (converted at
 * the day's rate), otherwise due at the border on import and not collected. Other destinations follow the operator's
 * import rule for the country (a rate on goods above a threshold), if any. Amounts round half up to the minor unit.
 */
public interface CrossBorderTax {

    /** The 27 member states, by ISO 3166 code (Greece as {@code GR}). */
    Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
            "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    /** The IOSS ceiling: goods worth more than EUR 150.00 pay import VAT at the border. */
    Money IOSS_CEILING = Money.of(15_000, "EUR");

    /**
     * Adds a VAT table taking effect on a day: a standard rate for every member state, none missing or twice, each 0 to
     * 30%. Refused with a 400 naming {@code rates} (and the country) when it has gaps, or {@code effectiveFrom} when a
     * table already starts that day. Operators only.
     */
    VatTable addVatTable(Actor operator, LocalDate effectiveFrom, List<CountryRate> rates);

    /** Every VAT table, newest first; anyone. */
    List<VatTable> vatTables();

    /**
     * Sets (or replaces) a non-EU destination's import rule, for every category or for one category of the catalogue
     * (and its sub-categories); operators only. Refused with a 400 naming {@code categoryId} for a category that does
     * not exist.
     */
    ImportRule putImportRule(Actor operator, ImportRule rule);

    /** Every import rule, by country and category (the rule for every category first). */
    List<ImportRule> importRules();

    /**
     * Removes a destination's rule for one category (or, with null, its rule for every category); operators only.
     *
     * @throws io.mercato.platform.NotFoundException when there is no such rule
     */
    void removeImportRule(Actor operator, String country, @Nullable Long categoryId);

    /**
     * The standard VAT rate of an EU member state on the day, in basis points (19% is 1900), from the table in force;
     * empty outside the EU or when no table is in force. The shop shows EU buyers VAT-inclusive prices at this rate.
     */
    java.util.OptionalInt vatRate(String country, LocalDate on);

    /**
     * What a parcel of these goods (and this shipping fee, which VAT is also charged on) to the country owes on the day.
     *
     * @throws io.mercato.platform.ConflictException when an EU destination has no VAT table in force or no rate converts
     *     the goods to euros
     */
    Assessment assess(String country, Money goods, Money shipping, LocalDate on);

    /**
     * As {@link #assess(String, Money, Money, LocalDate)} for goods of several categories (one currency): outside the
     * EU, each line pays the duty of the most specific rule for its category (its own, a parent's, else the country's
     * rule for every category), once the parcel's goods are worth more than that rule's threshold; EU VAT does not
     * depend on the category.
     */
    Assessment assess(String country, List<Goods> goods, Money shipping, LocalDate on);

    /** Goods of one category in a parcel. */
    record Goods(long categoryId, Money amount) {
    }

    /** @param basisPoints the standard rate in hundredths of a percent (19% is 1900) */
    record CountryRate(String country, int basisPoints) {
    }

    record VatTable(long id, LocalDate effectiveFrom, List<CountryRate> rates) {
    }

    /**
     * @param thresholdMinor goods worth more than this (in {@code currency}) pay the duty; 0 taxes every parcel
     * @param basisPoints the duty rate on the goods
     * @param categoryId the category (with its sub-categories) the rule is for; null for every category
     */
    record ImportRule(String country, String currency, long thresholdMinor, int basisPoints, @Nullable Long categoryId) {

        /** A rule for every category. */
        public ImportRule(String country, String currency, long thresholdMinor, int basisPoints) {
            this(country, currency, thresholdMinor, basisPoints, null);
        }
    }

    enum Treatment {
        /** No tax on this destination. */
        NONE,
        /** EU VAT collected at checkout under IOSS: part of what the buyer pays, owed by the platform. */
        IOSS_VAT,
        /** EU import VAT due at the border: the parcel is marked, nothing is collected. */
        IMPORT_VAT_AT_BORDER,
        /** Another destination's duty collected at checkout under its import rule. */
        DUTY
    }

    /**
     * @param collected what the buyer pays at checkout on top of the goods and shipping (zero unless IOSS VAT or a duty)
     * @param due what is owed but not collected (import VAT at the border)
     * @param goodsInEuros the goods' value in euros for the IOSS ceiling; null outside the EU
     */
    record Assessment(String country, Treatment treatment, int basisPoints, Money collected, Money due,
            @Nullable Money goodsInEuros, @Nullable Long vatTableId) {
    }
}
