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
}
