/** The category tree, brands, products and their SKUs, and whether a product is listed for sale. */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "merchant"})
package io.mercato.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
