/**
 * The market simulator: a deterministic (by seed) market of consumers in segments and merchants of every store kind
 * that drives the platform through its public module APIs, day by simulated day, with the platform's clock held at
 * the simulated time; it gives the demo its history and the benchmarks their load.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "identity", "merchant", "catalog", "ordering", "payment",
        "reviews", "membership", "ads", "insights"})
package io.mercato.simulation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
