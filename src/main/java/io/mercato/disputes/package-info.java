/** Disputes over returns the seller rejected: the buyer escalates, both sides state their case, an operator decides. */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "ordering"})
package io.mercato.disputes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
