/** Stock on hand and reserved per SKU: orders reserve it, payment commits it, cancels release it. */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "catalog"})
package io.mercato.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
