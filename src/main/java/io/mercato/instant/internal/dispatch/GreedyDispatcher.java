package io.mercato.instant.internal.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first answer, in milliseconds: jobs in order of their due time, each inserted where it costs least among the
 * few couriers nearest its pickup. Accepted and picked-up jobs are placed first on their own courier and never move.
 * Batching falls out of the insertion: a second order from the same or a nearby store slots in beside the first.
 */
public final class GreedyDispatcher {

    private final RoutePlanner planner;
    private final int candidates;

    /** @param candidates how many nearest couriers each job tries (all of them when there are fewer) */
    public GreedyDispatcher(RoutePlanner planner, int candidates) {
        this.planner = planner;
        this.candidates = candidates;
    }

    /** The routes the couriers' own jobs make before anything new is added. */
    public static Map<Long, List<Stop>> baseRoutes(RoutePlanner planner, List<Courier> couriers) {
        Map<Long, List<Stop>> routes = new HashMap<>();
        for (Courier courier : couriers) {
            routes.put(courier.id(), baseRoute(planner, courier));
        }
        return routes;
    }

    public static List<Stop> baseRoute(RoutePlanner planner, Courier courier) {
        List<Stop> route = new ArrayList<>();
        for (Job job : courier.carrying()) {
            route = RoutePlanner.apply(route, job, planner.cheapestDropInsertion(courier, route, job));
        }
        for (Job job : courier.committed()) {
            route = RoutePlanner.apply(route, job, planner.cheapestInsertion(courier, route, job));
        }
        return route;
    }

    /**
     * @param forbidden pairs a job may not go to, as {@code jobId -> courier ids} (riders who declined it)
     */
    public Plan plan(List<Courier> couriers, List<Job> jobs, Map<Long, Set<Long>> forbidden) {
        Map<Long, List<Stop>> routes = baseRoutes(planner, couriers);
        Map<Long, Double> costs = new HashMap<>();
        for (Courier courier : couriers) {
            costs.put(courier.id(), planner.evaluate(courier, routes.get(courier.id())).cost(planner.latenessWeight()));
        }
        List<Job> order = new ArrayList<>(jobs);
        order.sort(Comparator.comparingDouble(Job::dropDue).thenComparingLong(Job::id));
        List<Job> unassigned = new ArrayList<>();
        Courier[] nearest = new Courier[Math.min(candidates, couriers.size())];
        double[] nearestDistance = new double[nearest.length];
        for (Job job : order) {
            int found = nearestCouriers(couriers, job, forbidden.getOrDefault(job.id(), Set.of()), nearest, nearestDistance);
            Courier best = null;
            RoutePlanner.Insertion bestInsertion = null;
            double bestDelta = Double.POSITIVE_INFINITY;
            for (int c = 0; c < found; c++) {
                Courier courier = nearest[c];
                RoutePlanner.Insertion insertion = planner.cheapestInsertion(courier, routes.get(courier.id()), job);
                if (!insertion.feasible()) {
                    continue;
                }
                double delta = insertion.cost() - costs.get(courier.id());
                if (delta < bestDelta) {
                    bestDelta = delta;
                    best = courier;
                    bestInsertion = insertion;
                }
            }
            if (best == null) {
                unassigned.add(job);
                continue;
            }
            routes.put(best.id(), RoutePlanner.apply(routes.get(best.id()), job, bestInsertion));
            costs.put(best.id(), bestInsertion.cost());
        }
        return toPlan(planner, couriers, routes, unassigned);
    }

    public static Plan toPlan(RoutePlanner planner, List<Courier> couriers, Map<Long, List<Stop>> routes, List<Job> unassigned) {
        Map<Long, Plan.Route> result = new HashMap<>();
        for (Courier courier : couriers) {
            List<Stop> stops = routes.getOrDefault(courier.id(), List.of());
            result.put(courier.id(), new Plan.Route(courier, stops, planner.evaluate(courier, stops)));
        }
        return new Plan(result, unassigned);
    }

    /** Fills {@code into} with the couriers nearest the job's pickup (a partial selection, no full sort). */
    private int nearestCouriers(List<Courier> couriers, Job job, Set<Long> excluded, Courier[] into, double[] distances) {
        int size = 0;
        Point p = job.pickup();
        double cosLat = Math.cos(Math.toRadians(p.x()));
        for (Courier courier : couriers) {
            if (excluded.contains(courier.id())) {
                continue;
            }
            double dx = courier.at().x() - p.x();
            double dy = (courier.at().y() - p.y()) * cosLat;
            double d = dx * dx + dy * dy;
            if (size < into.length) {
                into[size] = courier;
                distances[size] = d;
                size++;
                siftUp(into, distances, size - 1);
            } else if (size > 0 && d < distances[0]) {
                into[0] = courier;
                distances[0] = d;
                siftDown(into, distances, size);
            }
        }
        return size;
    }

    // A max-heap on distance, so the farthest of the nearest is at the root and is the one replaced.
    private static void siftUp(Courier[] heap, double[] keys, int k) {
        while (k > 0) {
            int parent = (k - 1) / 2;
            if (keys[parent] >= keys[k]) {
                return;
            }
            swap(heap, keys, parent, k);
            k = parent;
        }
    }

    private static void siftDown(Courier[] heap, double[] keys, int size) {
        int k = 0;
        while (true) {
            int left = 2 * k + 1;
            int right = left + 1;
            int largest = k;
            if (left < size && keys[left] > keys[largest]) {
                largest = left;
            }
            if (right < size && keys[right] > keys[largest]) {
                largest = right;
            }
            if (largest == k) {
                return;
            }
            swap(heap, keys, k, largest);
            k = largest;
        }
    }

    private static void swap(Courier[] heap, double[] keys, int a, int b) {
        Courier c = heap[a];
        heap[a] = heap[b];
        heap[b] = c;
        double d = keys[a];
        keys[a] = keys[b];
        keys[b] = d;
    }
}
