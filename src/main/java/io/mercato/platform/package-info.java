/**
 * The shared kernel every module builds on: money, who is acting, and the refusals a module may answer with;
 * plain values, no web, no database.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package io.mercato.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
