import io.mercato.instant.internal.dispatch.Courier;
import io.mercato.instant.internal.dispatch.GreedyDispatcher;
import io.mercato.instant.internal.dispatch.Job;
import io.mercato.instant.internal.dispatch.Metric;
import io.mercato.instant.internal.dispatch.Plan;
import io.mercato.instant.internal.dispatch.Point;
import io.mercato.instant.internal.dispatch.RoutePlanner;
import io.mercato.instant.internal.dispatch.SolverDispatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Real-time dispatch benchmark: the live dispatch's planner alone (no database, no HTTP) on a city of 12 × 12 km with
 * 80 local stores, 500 riders (capacity 3, spread over the city) and 1,000 pending orders (ready 0–10 minutes from
 * now after preparation, dropped within 3 km of their store, promised 30 minutes from their order). Times the greedy
 * first answer (the step the live dispatch writes at once) over several cities and reports its median, and the share
 * of orders it plans to deliver after their promise (unassigned orders count as late). With --solver S it then runs
 * the Timefold re-plan for S seconds on the last city and reports its lateness too.
 *
 * Options: --orders N, --riders N, --runs N, --warmup N, --seed S, --solver S.
 * Prints: RESULT orders=... riders=... first_ms=... late_pct=...
 */
public class DispatchBench {

    public static void main(String[] args) {
        int orders = 1000;
        int riders = 500;
        int runs = 20;
        int warmup = 10;
        long seed = 20261205;
        int solverSeconds = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--orders" -> orders = Integer.parseInt(args[++i]);
                case "--riders" -> riders = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--solver" -> solverSeconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        // The live dispatch's settings: straight line × 1.3 at 18 km/h, a minute late weighs 2,000 m, 8 nearest riders.
        RoutePlanner planner = new RoutePlanner(Metric.roadLike(1.3, 18), false, 2000);
        GreedyDispatcher greedy = new GreedyDispatcher(planner, 8);
        for (int w = 0; w < warmup; w++) {
            City city = City.random(new Random(seed - 1000 - w), orders, riders);
            greedy.plan(city.couriers, city.jobs, Map.of());
        }
        double[] millis = new double[runs];
        double latePct = 0;
        City last = null;
        Plan lastPlan = null;
        for (int r = 0; r < runs; r++) {
            City city = City.random(new Random(seed + r), orders, riders);
            long started = System.nanoTime();
            Plan plan = greedy.plan(city.couriers, city.jobs, Map.of());
            millis[r] = (System.nanoTime() - started) / 1e6;
            double late = plan.lateDrops() + plan.unassigned().size();
            latePct += 100.0 * late / orders;
            last = city;
            lastPlan = plan;
            System.out.printf(Locale.ROOT, "run %d: %.1f ms, %d unassigned, %d late, %.0f km%n", r + 1, millis[r],
                    plan.unassigned().size(), plan.lateDrops(), plan.distance() / 1000);
        }
        Arrays.sort(millis);
        double median = millis[runs / 2];
        latePct /= runs;
        System.out.printf(Locale.ROOT, "greedy: median %.1f ms, max %.1f ms over %d cities%n", median, millis[runs - 1], runs);
        if (solverSeconds > 0 && last != null) {
            SolverDispatcher solver = new SolverDispatcher(planner, Duration.ofSeconds(solverSeconds),
                    Duration.ofSeconds(solverSeconds), 0, 1, seed);
            long started = System.nanoTime();
            Plan better = solver.improve(lastPlan, Map.of());
            System.out.printf(Locale.ROOT, "solver re-plan of the last city in %.1f s: %d late (greedy %d), %.0f km (greedy %.0f km)%n",
                    (System.nanoTime() - started) / 1e9, better.lateDrops() + better.unassigned().size(),
                    lastPlan.lateDrops() + lastPlan.unassigned().size(), better.distance() / 1000, lastPlan.distance() / 1000);
        }
        System.out.printf(Locale.ROOT, "RESULT orders=%d riders=%d first_ms=%.1f late_pct=%.1f%n", orders, riders, median, latePct);
    }

    private record City(List<Courier> couriers, List<Job> jobs) {

        static City random(Random random, int orders, int riders) {
            double lat0 = 31.18;
            double lng0 = 121.42;
            double span = 0.108; // about 12 km
            List<Point> stores = new ArrayList<>();
            for (int s = 0; s < 80; s++) {
                stores.add(new Point(lat0 + random.nextDouble() * span, lng0 + random.nextDouble() * span * 1.17));
            }
            List<Courier> couriers = new ArrayList<>();
            for (int r = 1; r <= riders; r++) {
                couriers.add(Courier.rider(r, new Point(lat0 + random.nextDouble() * span, lng0 + random.nextDouble() * span * 1.17),
                        0, 3, List.of(), List.of()));
            }
            List<Job> jobs = new ArrayList<>();
            for (int o = 1; o <= orders; o++) {
                Point store = stores.get(random.nextInt(stores.size()));
                double angle = random.nextDouble() * 2 * Math.PI;
                double radius = Math.sqrt(random.nextDouble()) * 0.027; // up to 3 km
                Point drop = new Point(store.x() + radius * Math.sin(angle), store.y() + radius * Math.cos(angle) * 1.17);
                double ordered = -random.nextDouble() * 5; // ordered in the last five minutes
                double ready = ordered + 5 + random.nextDouble() * 5;
                jobs.add(new Job(o, store, drop, 1, ready, Double.POSITIVE_INFINITY, 2, Double.NEGATIVE_INFINITY,
                        ordered + 30, 2));
            }
            return new City(couriers, jobs);
        }
    }
}
