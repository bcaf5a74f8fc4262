/** Seeds a small demo marketplace on first start, so a new user has something to click through. */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "identity", "merchant", "catalog", "payment", "ordering", "ads", "fulfillment", "pricing", "media", "instant"})
package io.mercato.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
