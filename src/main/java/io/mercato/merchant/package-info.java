/** Merchants and their stores of every kind, and the verification of Tmall stores by operators. */
@NullMarked
@ApplicationModule(allowedDependencies = "platform")
package io.mercato.merchant;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
