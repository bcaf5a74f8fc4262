/**
 * The shared kernel every module builds on: money, errors as problem details, idempotent creates,
 * the clock and the database.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.mercato.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
