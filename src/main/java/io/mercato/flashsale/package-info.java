/**
 * Flash sales: a quantity of one SKU at a sale price in a time window with a per-buyer limit, sold through an
 * admission path that commits winners in groups so that a hot SKU's buyers do not queue one by one on its row.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "catalog", "inventory", "ordering", "pricing", "merchant"})
package io.mercato.flashsale;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
