package io.mercato.tax.internal;

import io.mercato.platform.Money;
import io.mercato.tax.CrossBorderTax;
import io.mercato.tax.CrossBorderTax.Assessment;
import io.mercato.tax.CrossBorderTax.ImportRule;
import io.mercato.tax.CrossBorderTax.Treatment;
import org.jspecify.annotations.Nullable;

/** The assessment as one rule without Spring or database: the caller found the rate, the rule and the euro value. */
final class TaxRule {

    private TaxRule() {
    }

    /** An EU parcel: IOSS VAT collected on goods and shipping when the goods are worth at most EUR 150, else due at the border. */
    static Assessment eu(String country, int basisPoints, Money goods, Money shipping, Money goodsInEuros, long tableId) {
        Money base = goods.plus(shipping);
        Money vat = base.basisPoints(basisPoints);
        Money none = Money.zero(goods.currency());
        if (goodsInEuros.minor() <= CrossBorderTax.IOSS_CEILING.minor()) {
            return new Assessment(country, Treatment.IOSS_VAT, basisPoints, vat, none, goodsInEuros, tableId);
        }
        return new Assessment(country, Treatment.IMPORT_VAT_AT_BORDER, basisPoints, none, vat, goodsInEuros, tableId);
    }

    /**
     * Another destination: its rule's duty on the goods when they are worth more than the threshold (compared in the
     * rule's currency: {@code goodsInRuleCurrency}), nothing without a rule.
     */
    static Assessment elsewhere(String country, @Nullable ImportRule rule, Money goods, @Nullable Money goodsInRuleCurrency) {
        Money none = Money.zero(goods.currency());
        if (rule == null || goodsInRuleCurrency == null || goodsInRuleCurrency.minor() <= rule.thresholdMinor()
                && rule.thresholdMinor() > 0) {
            return new Assessment(country, Treatment.NONE, 0, none, none, null, null);
        }
        return new Assessment(country, Treatment.DUTY, rule.basisPoints(), goods.basisPoints(rule.basisPoints()), none,
                null, null);
    }

    /** A line of goods, the rule that taxes it and the whole parcel's goods in that rule's currency. */
    record Dutiable(Money amount, ImportRule rule, Money parcelInRuleCurrency) {
    }

    /**
     * Duties line by line: each line pays its rule's rate (rounded half up per line) when the parcel's goods are worth
     * more than the rule's threshold (a threshold of 0 taxes every parcel). The assessment's rate is the highest applied.
     */
    static Assessment duties(String country, Money goods, java.util.List<Dutiable> lines) {
        Money duty = Money.zero(goods.currency());
        int highest = 0;
        for (Dutiable line : lines) {
            long threshold = line.rule().thresholdMinor();
            if (threshold > 0 && line.parcelInRuleCurrency().minor() <= threshold) {
                continue;
            }
            Money owed = line.amount().basisPoints(line.rule().basisPoints());
            duty = duty.plus(owed);
            highest = Math.max(highest, line.rule().basisPoints());
        }
        if (highest == 0 && duty.minor() == 0) {
            return new Assessment(country, Treatment.NONE, 0, duty, duty, null, null);
        }
        return new Assessment(country, Treatment.DUTY, highest, duty, Money.zero(goods.currency()), null, null);
    }

    /**
     * The rule for a category: its own, else its nearest parent's, else the destination's rule for every category;
     * null when none applies. {@code parents} maps each category to its parent (0 at the top).
     */
    static @Nullable ImportRule ruleFor(long categoryId, java.util.List<ImportRule> rules, java.util.Map<Long, Long> parents) {
        long category = categoryId;
        for (int depth = 0; category > 0 && depth < 64; depth++) {
            for (ImportRule rule : rules) {
                if (rule.categoryId() != null && rule.categoryId() == category) {
                    return rule;
                }
            }
            category = parents.getOrDefault(category, 0L);
        }
        return rules.stream().filter(rule -> rule.categoryId() == null).findFirst().orElse(null);
    }
}
