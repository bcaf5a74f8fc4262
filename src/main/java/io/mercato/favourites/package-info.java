/**
 * Favourites: the products and stores a buyer keeps to come back to, and how many buyers follow each store.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "catalog", "merchant"})
package io.mercato.favourites;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
