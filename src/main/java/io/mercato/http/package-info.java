/**
 * The HTTP edge every module's REST API shares: refusals answered as RFC 9457 problem details, the caller as an
 * {@link io.mercato.platform.Actor} parameter, retry-safe POSTs with an {@code Idempotency-Key}, the OpenAPI document.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "platform")
package io.mercato.http;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
