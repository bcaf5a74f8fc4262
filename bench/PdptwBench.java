import io.mercato.instant.internal.dispatch.Courier;
import io.mercato.instant.internal.dispatch.GreedyDispatcher;
import io.mercato.instant.internal.dispatch.Job;
import io.mercato.instant.internal.dispatch.Metric;
import io.mercato.instant.internal.dispatch.Plan;
import io.mercato.instant.internal.dispatch.Point;
import io.mercato.instant.internal.dispatch.RoutePlanner;
import io.mercato.instant.internal.dispatch.SolverDispatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Quality benchmark: the dispatch planner (greedy construction, then Timefold Solver's re-plan with a large cost per
 * vehicle so that the fleet shrinks first, as the benchmark ranks) on Li &amp; Lim pickup-and-delivery instances with
 * strict time windows, capacity and a depot, against the best-known solutions in bench/data/pdptw/best-known.csv.
 *
 * Options: --seconds S (solver budget per instance, default 30), --instances a,b,c (default: every one in the csv),
 *          --data DIR.
 * Prints per instance its vehicles and distance against the best known, and
 *   RESULT instances=... vehicles_gap_pct=... distance_gap_pct=... infeasible=...
 */
public class PdptwBench {

    record Best(int vehicles, double distance) {
    }

    public static void main(String[] args) throws IOException {
        int seconds = 30;
        String only = null;
        Path data = Path.of("bench/data/pdptw");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--instances" -> only = args[++i];
                case "--data" -> data = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Map<String, Best> best = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("best-known.csv"))) {
            if (line.startsWith("instance")) {
                continue;
            }
            String[] f = line.split(",");
            best.put(f[0], new Best(Integer.parseInt(f[1]), Double.parseDouble(f[2])));
            names.add(f[0]);
        }
        if (only != null) {
            names = List.of(only.split(","));
        }
        double vehicleGap = 0;
        double distanceGap = 0;
        int infeasible = 0;
        RoutePlanner planner = new RoutePlanner(Metric.euclidean(), true, 0);
        for (String name : names) {
            Instance instance = Instance.read(data.resolve(name + ".txt"));
            long started = System.nanoTime();
            Plan first = new GreedyDispatcher(planner, instance.couriers.size()).plan(instance.couriers, instance.jobs, Map.of());
            double greedyMs = (System.nanoTime() - started) / 1e6;
            // One vehicle more weighs more than any distance an instance can have, so the solver cuts vehicles first.
            SolverDispatcher solver = new SolverDispatcher(planner, Duration.ofSeconds(seconds), Duration.ofSeconds(seconds),
                    100_000, 1000, 20261205);
            Plan plan = solver.improve(first, Map.of());
            double elapsed = (System.nanoTime() - started) / 1e9;
            boolean feasible = plan.unassigned().isEmpty() && plan.feasible();
            if (!feasible) {
                infeasible++;
            }
            Best b = best.get(name);
            double vg = 100.0 * (plan.vehiclesUsed() - b.vehicles()) / b.vehicles();
            double dg = 100.0 * (plan.distance() - b.distance()) / b.distance();
            vehicleGap += vg;
            distanceGap += dg;
            System.out.printf(Locale.ROOT,
                    "%s: greedy %d vehicles %.1f (%.0f ms); after %.1f s: %d vehicles %.2f%s; best known %d vehicles %.2f;"
                            + " gaps %.1f%% vehicles %.1f%% distance%n",
                    name, first.vehiclesUsed(), first.distance(), greedyMs, elapsed, plan.vehiclesUsed(), plan.distance(),
                    feasible ? "" : " (INFEASIBLE: " + plan.unassigned().size() + " unassigned)", b.vehicles(), b.distance(),
                    vg, dg);
        }
        System.out.printf(Locale.ROOT, "RESULT instances=%d vehicles_gap_pct=%.1f distance_gap_pct=%.1f infeasible=%d%n",
                names.size(), vehicleGap / names.size(), distanceGap / names.size(), infeasible);
    }

    /** A Li &amp; Lim instance: its vehicles (all at the depot) and its pickup-and-delivery pairs. */
    record Instance(List<Courier> couriers, List<Job> jobs) {

        static Instance read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            String[] head = lines.getFirst().trim().split("\\s+");
            int vehicles = Integer.parseInt(head[0]);
            int capacity = Integer.parseInt(head[1]);
            Map<Integer, double[]> nodes = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                double[] n = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    n[i] = Double.parseDouble(f[i]);
                }
                nodes.put((int) n[0], n);
            }
            double[] depot = nodes.get(0);
            Point at = new Point(depot[1], depot[2]);
            List<Courier> couriers = new ArrayList<>();
            for (int v = 1; v <= vehicles; v++) {
                couriers.add(new Courier(v, at, depot[4], capacity, List.of(), List.of(), at, depot[5]));
            }
            List<Job> jobs = new ArrayList<>();
            for (double[] n : nodes.values()) {
                if (n[0] == 0 || n[3] <= 0) {
                    continue; // the depot, or a delivery (read with its pickup)
                }
                double[] d = nodes.get((int) n[8]);
                jobs.add(new Job((long) n[0], new Point(n[1], n[2]), new Point(d[1], d[2]), (int) n[3], n[4], n[5], n[6],
                        d[4], d[5], d[6]));
            }
            return new Instance(couriers, jobs);
        }
    }
}
