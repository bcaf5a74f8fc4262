/**
 * Reviews: a buyer rates and describes a product of one of their delivered or completed orders, once per order line;
 * with pictures and the store's three ratings; the buyer follows up once, the seller replies once, operators hide
 * abusive reviews; product pages, store pages and search results show the ratings.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "ordering", "catalog", "merchant", "media"})
package io.mercato.reviews;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
