/** Accounts of buyers, sellers and operators; passwords, API tokens and login protection. */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http"})
package io.mercato.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
