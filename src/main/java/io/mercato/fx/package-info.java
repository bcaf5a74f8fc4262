/**
 * Currencies and their dated exchange rates, loaded by operators from CSV: conversions at the rate of a day (for prices
 * in a buyer's currency and the orders that record them) or at a reference period's rates (constant-currency figures),
 * and each buyer's display currency.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http"})
package io.mercato.fx;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
