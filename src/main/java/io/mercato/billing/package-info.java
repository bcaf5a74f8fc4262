/**
 * Billing: the fee rules operators edit (versioned by effective date), the fees charged on each order under the
 * rules in force when it was paid, new-merchant rebates, wholesale memberships, merchant statements and the
 * platform's CMR report. Ordering asks for fees through its {@code OrderFees} SPI, which billing implements.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "ordering", "merchant", "catalog", "payment"})
package io.mercato.billing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
