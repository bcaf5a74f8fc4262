/**
 * Reviews: a buyer rates and describes a product of one of their delivered or completed orders, once per order line;
 * product pages show the average rating, the count and the latest reviews.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "ordering", "catalog"})
package io.mercato.reviews;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
