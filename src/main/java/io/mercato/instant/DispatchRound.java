package io.mercato.instant;

import java.time.Instant;

/**
 * One dispatch step as run: the greedy first answer or the solver's re-plan.
 *
 * @param jobs deliveries that could still move (pending or offered)
 * @param assigned of those, how many the step gave a rider
 * @param late deliveries in the plan expected after their promise
 */
public record DispatchRound(Instant ranAt, String step, int jobs, int riders, int assigned, long millis,
        long distanceMetres, int late) {
}
