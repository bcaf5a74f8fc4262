package io.mercato.instant.internal.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates routes and inserts jobs into them at their cheapest feasible place. Feasible means: capacity never
 * exceeded, no stop started after its due time when windows are strict (the benchmark instances), and otherwise no
 * pickup after its due time while a late drop only costs its lateness (the live dispatch, where a late order is
 * still delivered and flagged). A pickup always comes before its drop, on the same route.
 */
public final class RoutePlanner {

    private static final double EPSILON = 1e-6;

    private final Metric metric;
    private final boolean strictWindows;
    private final double latenessWeight;

    /**
     * @param latenessWeight what one minute late costs, in units of distance, when choosing between insertions
     */
    public RoutePlanner(Metric metric, boolean strictWindows, double latenessWeight) {
        this.metric = metric;
        this.strictWindows = strictWindows;
        this.latenessWeight = latenessWeight;
    }

    public Metric metric() {
        return metric;
    }

    /** A route's figures; {@code arrivals[k]} is when stop k starts (after any wait). */
    public record Evaluation(boolean feasible, double distance, double lateness, double[] arrivals) {

        public double cost(double latenessWeight) {
            return distance + latenessWeight * lateness;
        }
    }

    /** The figures of the route as given, with the time each stop starts. */
    public Evaluation evaluate(Courier courier, List<Stop> stops) {
        double[] arrivals = new double[stops.size()];
        double t = courier.freeAt();
        Point at = courier.at();
        int load = courier.onboard();
        double distance = 0;
        double lateness = 0;
        boolean feasible = load <= courier.capacity();
        for (int k = 0; k < stops.size(); k++) {
            Stop stop = stops.get(k);
            Point p = stop.point();
            double leg = metric.distance(at, p);
            distance += leg;
            t = Math.max(t + metric.minutes(leg), stop.ready());
            if (t > stop.due() + EPSILON) {
                if (strictWindows || stop.pickup()) {
                    feasible = false;
                }
                lateness += t - stop.due();
            }
            arrivals[k] = t;
            t += stop.service();
            load += stop.loadChange();
            if (load > courier.capacity()) {
                feasible = false;
            }
            at = p;
        }
        if (courier.depot() != null) {
            double leg = metric.distance(at, courier.depot());
            distance += leg;
            t += metric.minutes(leg);
            if (t > courier.depotDue() + EPSILON) {
                feasible = false;
            }
        }
        return new Evaluation(feasible, distance, lateness, arrivals);
    }

    /** Where a job goes into a route, and what the route costs with it. */
    public record Insertion(int pickupAt, int dropAt, double cost, boolean feasible) {
    }

    /**
     * The cheapest feasible way to add the job's pickup and drop to the route ({@code pickupAt} and {@code dropAt}
     * index the route as it is, the drop going after the pickup), or an infeasible insertion at the end when there
     * is none. The cost is the whole route's distance plus weighted lateness.
     */
    public Insertion cheapestInsertion(Courier courier, List<Stop> route, Job job) {
        return cheapest(courier, route, job, true);
    }

    /** The cheapest place for a drop alone (the job is already on board). */
    public Insertion cheapestDropInsertion(Courier courier, List<Stop> route, Job job) {
        return cheapest(courier, route, job, false);
    }

    private Insertion cheapest(Courier courier, List<Stop> route, Job job, boolean withPickup) {
        int n = route.size();
        // The state before each position of the route as it is, so each candidate only walks its own tail.
        double[] time = new double[n + 1];
        double[] dist = new double[n + 1];
        double[] late = new double[n + 1];
        int[] load = new int[n + 1];
        boolean[] ok = new boolean[n + 1];
        Point[] at = new Point[n + 1];
        time[0] = courier.freeAt();
        at[0] = courier.at();
        load[0] = courier.onboard();
        ok[0] = load[0] <= courier.capacity();
        for (int k = 0; k < n; k++) {
            Stop stop = route.get(k);
            State s = visit(new State(time[k], dist[k], late[k], load[k], ok[k], at[k]), stop, courier);
            time[k + 1] = s.time;
            dist[k + 1] = s.distance;
            late[k + 1] = s.lateness;
            load[k + 1] = s.load;
            ok[k + 1] = s.ok;
            at[k + 1] = s.at;
        }
        Stop pickup = new Stop(job, true);
        Stop drop = new Stop(job, false);
        double bestCost = Double.POSITIVE_INFINITY;
        int bestI = -1;
        int bestJ = -1;
        int firstI = withPickup ? 0 : -1;
        for (int i = withPickup ? 0 : n; i <= n; i++) {
            if (!ok[i]) {
                break;
            }
            State afterPickup = withPickup
                    ? visit(new State(time[i], dist[i], late[i], load[i], true, at[i]), pickup, courier)
                    : null;
            if (afterPickup != null && !afterPickup.ok) {
                continue;
            }
            int startJ = withPickup ? i : 0;
            State s = withPickup ? afterPickup : null;
            for (int j = startJ; j <= n; j++) {
                // s is the state after the pickup and the route's stops i..j-1 (or, drop only, after stops 0..j-1)
                if (!withPickup) {
                    s = new State(time[j], dist[j], late[j], load[j], ok[j], at[j]);
                }
                if (s == null || !s.ok) {
                    break;
                }
                State t = visit(s, drop, courier);
                for (int k = j; k < n && t.ok; k++) {
                    t = visit(t, route.get(k), courier);
                    if (t.distance + latenessWeight * t.lateness >= bestCost) {
                        break;
                    }
                }
                if (t.ok) {
                    t = toDepot(t, courier);
                }
                double cost = t.distance + latenessWeight * t.lateness;
                if (t.ok && cost < bestCost) {
                    bestCost = cost;
                    bestI = withPickup ? i : -1;
                    bestJ = j;
                }
                if (withPickup && j < n) {
                    s = visit(s, route.get(j), courier);
                }
            }
        }
        if (bestJ < 0) {
            List<Stop> appended = new ArrayList<>(route);
            if (withPickup) {
                appended.add(pickup);
            }
            appended.add(drop);
            Evaluation e = evaluate(courier, appended);
            return new Insertion(withPickup ? n : firstI, n, e.cost(latenessWeight), false);
        }
        return new Insertion(bestI, bestJ, bestCost, true);
    }

    /** The route with the insertion applied. */
    public static List<Stop> apply(List<Stop> route, Job job, Insertion insertion) {
        List<Stop> result = new ArrayList<>(route.size() + 2);
        for (int k = 0; k <= route.size(); k++) {
            if (k == insertion.pickupAt()) {
                result.add(new Stop(job, true));
            }
            if (k == insertion.dropAt()) {
                result.add(new Stop(job, false));
            }
            if (k < route.size()) {
                result.add(route.get(k));
            }
        }
        return result;
    }

    public double latenessWeight() {
        return latenessWeight;
    }

    private record State(double time, double distance, double lateness, int load, boolean ok, Point at) {
    }

    private State visit(State s, Stop stop, Courier courier) {
        Point p = stop.point();
        double leg = metric.distance(s.at, p);
        double t = Math.max(s.time + metric.minutes(leg), stop.ready());
        boolean ok = s.ok;
        double lateness = s.lateness;
        if (t > stop.due() + EPSILON) {
            if (strictWindows || stop.pickup()) {
                ok = false;
            }
            lateness += t - stop.due();
        }
        int load = s.load + stop.loadChange();
        if (load > courier.capacity()) {
            ok = false;
        }
        return new State(t + stop.service(), s.distance + leg, lateness, load, ok, p);
    }

    private State toDepot(State s, Courier courier) {
        Point depot = courier.depot();
        if (depot == null) {
            return s;
        }
        double leg = metric.distance(s.at, depot);
        double t = s.time + metric.minutes(leg);
        return new State(t, s.distance + leg, s.lateness, s.load,
                s.ok && t <= courier.depotDue() + EPSILON, depot);
    }
}
