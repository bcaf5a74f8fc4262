/**
 * Product search: an embedded Lucene index per application instance, built from the database and kept
 * current from catalog, stock and order events; Chinese and English queries, facets, ranking.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "catalog", "merchant", "inventory", "ordering"})
package io.mercato.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
