/**
 * What the application runs on: the embedded PostgreSQL (unless an external database is configured) and the clock.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package io.mercato.runtime;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
