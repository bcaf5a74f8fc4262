/** The cart, checkout into one order per store, and each order's lifecycle through payment, shipping, refunds and settlement. */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "catalog", "merchant", "inventory", "payment", "pricing", "fx", "tax"})
package io.mercato.ordering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
