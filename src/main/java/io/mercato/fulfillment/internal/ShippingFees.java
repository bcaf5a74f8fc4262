package io.mercato.fulfillment.internal;

import io.mercato.fulfillment.Logistics.Rate;
import io.mercato.fulfillment.Logistics.Template;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fee a template charges, one rule without Spring: the rate of the most specific destination that serves the
 * address (region, then country, then {@code *}); the first kilogram's price for the first unit and the further
 * kilogram's for each unit after it (the catalogue keeps no weights, so a unit counts as up to one kilogram); nothing
 * when the goods reach the free-shipping threshold, when no rate serves the destination, or when the goods are priced
 * in another currency than the template's.
 */
final class ShippingFees {

    private ShippingFees() {
    }

    /** @return the fee in minor units of the template's currency, never negative */
    static long fee(Template template, String destinationRegion, String goodsCurrency, long goodsMinor, long units) {
        if (units < 1 || !template.currency().equals(goodsCurrency)) {
            return 0;
        }
        if (template.freeOverMinor() != null && goodsMinor >= template.freeOverMinor()) {
            return 0;
        }
        Rate rate = rate(template.rates(), destinationRegion);
        if (rate == null) {
            return 0;
        }
        return Math.addExact(rate.firstKgMinor(), Math.multiplyExact(rate.extraKgMinor(), units - 1));
    }

    static @Nullable Rate rate(List<Rate> rates, String destinationRegion) {
        for (String candidate : Regions.candidates(destinationRegion)) {
            for (Rate rate : rates) {
                if (rate.destination().equals(candidate)) {
                    return rate;
                }
            }
        }
        return null;
    }
}
