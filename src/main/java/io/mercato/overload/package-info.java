/**
 * Overload protection at the HTTP edge: per-client rate limits, a bound on the requests in flight per kind of
 * traffic, and shedding of a kind of traffic while its latency is high; every refusal is a quick 429 with
 * {@code Retry-After}. Built on Resilience4j.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http"})
package io.mercato.overload;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
