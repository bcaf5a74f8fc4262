package io.mercato.instant.internal.dispatch;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The batch re-plan: Timefold Solver's local search (late acceptance over list change, swap, sub-list and k-opt
 * moves) starting from a given plan, within a time budget. Slower than the greedy step but it moves jobs between
 * couriers and reorders whole routes, which the greedy step never revisits.
 */
public final class SolverDispatcher {

    private final SolverFactory<DispatchSolution> factory;
    private final RoutePlanner planner;
    private final double vehicleCost;
    private final double scale;

    /**
     * @param vehicleCost what using one more courier costs against distance (0 for the live dispatch, where riders
     *        are there anyway; large for the benchmark, whose first objective is the fleet size)
     * @param scale turns distances into the solver's integer score (distance units times scale)
     */
    public SolverDispatcher(RoutePlanner planner, Duration budget, Duration unimproved, double vehicleCost, double scale,
            long seed) {
        this.planner = planner;
        this.vehicleCost = vehicleCost;
        this.scale = scale;
        SolverConfig config = new SolverConfig()
                .withSolutionClass(DispatchSolution.class)
                .withEntityClasses(SolverVehicle.class)
                .withEasyScoreCalculatorClass(DispatchScore.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(seed)
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(budget)
                        .withUnimprovedSpentLimit(unimproved));
        this.factory = SolverFactory.create(config);
    }

    /**
     * Improves the plan: the same couriers and jobs, new routes. Returns the start itself when the solver found
     * nothing better (fewer infeasible routes, then fewer unassigned jobs, then lower cost).
     */
    public Plan improve(Plan start, Map<Long, Set<Long>> forbidden) {
        List<Courier> couriers = new ArrayList<>();
        List<SolverVehicle> vehicles = new ArrayList<>();
        Set<Job> jobs = new LinkedHashSet<>();
        for (Plan.Route route : start.routes().values()) {
            Courier courier = route.courier();
            couriers.add(courier);
            Set<Long> own = new java.util.HashSet<>();
            courier.carrying().forEach(j -> own.add(j.id()));
            courier.committed().forEach(j -> own.add(j.id()));
            List<Job> mine = new ArrayList<>();
            for (Stop stop : route.stops()) {
                if (stop.pickup() && !own.contains(stop.job().id())) {
                    mine.add(stop.job());
                }
            }
            // In the greedy step's insertion order, so that the solver's first decoding is the starting plan itself.
            mine.sort(java.util.Comparator.comparingDouble(Job::dropDue).thenComparingLong(Job::id));
            jobs.addAll(mine);
            vehicles.add(new SolverVehicle(courier, GreedyDispatcher.baseRoute(planner, courier), mine, planner));
        }
        jobs.addAll(start.unassigned());
        vehicles.sort(java.util.Comparator.comparing(SolverVehicle::getId));
        DispatchSolution problem = new DispatchSolution(vehicles, new ArrayList<>(jobs),
                new DispatchSolution.Weights(planner, vehicleCost, scale, forbidden));
        Solver<DispatchSolution> solver = factory.buildSolver();
        DispatchSolution solved = solver.solve(problem);
        Map<Long, List<Stop>> routes = new HashMap<>();
        Set<Job> placed = new java.util.HashSet<>();
        for (SolverVehicle vehicle : solved.getVehicles()) {
            routes.put(vehicle.getId(), vehicle.decode(planner).stops());
            placed.addAll(vehicle.getJobs());
        }
        List<Job> unassigned = jobs.stream().filter(j -> !placed.contains(j)).toList();
        Plan solvedPlan = GreedyDispatcher.toPlan(planner, couriers, routes, unassigned);
        return compare(solvedPlan, start) < 0 ? solvedPlan : start;
    }

    /** Orders plans as the solver's score does: fewer infeasible routes, then fewer unassigned jobs, then cost. */
    private int compare(Plan a, Plan b) {
        int byFeasibility = Long.compare(infeasibleRoutes(a), infeasibleRoutes(b));
        if (byFeasibility != 0) {
            return byFeasibility;
        }
        int byUnassigned = Integer.compare(a.unassigned().size(), b.unassigned().size());
        if (byUnassigned != 0) {
            return byUnassigned;
        }
        return Double.compare(cost(a), cost(b));
    }

    private static long infeasibleRoutes(Plan plan) {
        return plan.routes().values().stream().filter(r -> !r.evaluation().feasible()).count();
    }

    private double cost(Plan plan) {
        return plan.distance() + planner.latenessWeight() * plan.lateness() + vehicleCost * plan.vehiclesUsed();
    }
}
