package io.mercato.instant.internal.dispatch;

import java.util.List;
import java.util.Map;

/**
 * An answer of the planner: each courier's route (its stops in order, with the time each starts) and the jobs
 * nobody could take.
 */
public record Plan(Map<Long, Route> routes, List<Job> unassigned) {

    public Plan {
        routes = Map.copyOf(routes);
        unassigned = List.copyOf(unassigned);
    }

    /** One courier's route. */
    public record Route(Courier courier, List<Stop> stops, RoutePlanner.Evaluation evaluation) {

        public Route {
            stops = List.copyOf(stops);
        }

        public boolean used() {
            return !stops.isEmpty();
        }
    }

    public double distance() {
        return routes.values().stream().mapToDouble(r -> r.evaluation().distance()).sum();
    }

    public double lateness() {
        return routes.values().stream().mapToDouble(r -> r.evaluation().lateness()).sum();
    }

    public long vehiclesUsed() {
        return routes.values().stream().filter(Route::used).count();
    }

    public boolean feasible() {
        return routes.values().stream().allMatch(r -> r.evaluation().feasible());
    }

    /** How many drops start after their due time. */
    public long lateDrops() {
        long late = 0;
        for (Route route : routes.values()) {
            double[] arrivals = route.evaluation().arrivals();
            for (int k = 0; k < route.stops().size(); k++) {
                Stop stop = route.stops().get(k);
                if (!stop.pickup() && arrivals[k] > stop.job().dropDue() + 1e-6) {
                    late++;
                }
            }
        }
        return late;
    }
}
