/**
 * Instant commerce: local stores' location, hours, preparation time and delivery zone; riders who share their
 * position and pick up and deliver; the dispatch that assigns orders to riders every few seconds; ETAs quoted and
 * kept; unit economics per order.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "identity", "merchant", "ordering", "catalog", "payment"})
package io.mercato.instant;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
