/**
 * Address book: each buyer's saved delivery addresses (one default), with Chinese addresses chosen from the
 * province / city / district list shipped with the platform (GB/T 2260 codes) and Chinese mobile numbers checked;
 * addresses abroad keep free-text fields.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http"})
package io.mercato.addressbook;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
