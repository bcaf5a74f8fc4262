/**
 * Whole-site promotion ads: merchants' campaigns for their products, sponsored slots in search and the home feed
 * won at auction, signed click links charged per click to the merchant's ad account, attribution of orders to the
 * last click, and reports that explain every charge.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "merchant", "catalog", "inventory", "ordering", "payment",
        "search"})
package io.mercato.ads;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
