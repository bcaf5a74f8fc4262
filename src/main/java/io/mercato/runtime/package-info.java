/**
 * What the application runs on: the embedded PostgreSQL (unless an external database is configured), the clock, and
 * the delivery of events to the application module listeners.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform"})
package io.mercato.runtime;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
