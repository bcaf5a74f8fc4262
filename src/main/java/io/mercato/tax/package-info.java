/**
 * Taxes on cross-border parcels: the EU VAT rate table operators maintain (every member state, with effective dates),
 * the IOSS rule (VAT collected at checkout for goods up to EUR 150, import VAT at the border above), and other
 * destinations' configurable duty rules.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "fx", "catalog"})
package io.mercato.tax;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
