package io.mercato.instant.internal.dispatch;

/**
 * One pickup-and-delivery: fetch {@code load} units at {@code pickup} (not before {@code pickupReady}) and bring them
 * to {@code drop}, by {@code dropDue}. Times are minutes on the plan's own clock.
 *
 * @param id unique within one problem
 * @param pickupDue latest start of the pickup ({@link Double#POSITIVE_INFINITY} when none)
 * @param dropReady earliest start of the drop
 */
public record Job(long id, Point pickup, Point drop, int load, double pickupReady, double pickupDue,
        double pickupService, double dropReady, double dropDue, double dropService) {

    public Job {
        if (load < 0) {
            throw new IllegalArgumentException("Job " + id + " has a negative load " + load);
        }
    }
}
