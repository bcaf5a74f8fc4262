package io.mercato.instant.internal.dispatch;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rider (or a benchmark vehicle) as the planner sees it.
 *
 * @param at where the courier is now
 * @param freeAt when it can leave from there (minutes on the plan's clock)
 * @param carrying jobs already picked up: only their drops remain, and they are this courier's for good
 * @param committed jobs the courier accepted but has not picked up: both stops stay on this courier
 * @param depot where the route must end, or null when it ends at its last drop
 * @param depotDue latest return to the depot
 */
public record Courier(long id, Point at, double freeAt, int capacity, List<Job> carrying, List<Job> committed,
        @Nullable Point depot, double depotDue) {

    public Courier {
        carrying = List.copyOf(carrying);
        committed = List.copyOf(committed);
    }

    /** A live rider: no depot. */
    public static Courier rider(long id, Point at, double freeAt, int capacity, List<Job> carrying, List<Job> committed) {
        return new Courier(id, at, freeAt, capacity, carrying, committed, null, Double.POSITIVE_INFINITY);
    }

    public int onboard() {
        int load = 0;
        for (Job job : carrying) {
            load += job.load();
        }
        return load;
    }
}
