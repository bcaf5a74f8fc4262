/**
 * Insights: the operator's numbers (docs/kpis.md) kept as daily roll-ups from the modules' events and the ledger,
 * with a full recompute from the sources, an activity stream for DAU and MAU, cohorts, funnel and the quarterly
 * results; dashboards read the roll-ups only.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "ordering", "merchant", "payment", "fx", "membership", "ads"})
package io.mercato.insights;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
