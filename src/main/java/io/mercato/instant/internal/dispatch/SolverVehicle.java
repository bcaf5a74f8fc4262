package io.mercato.instant.internal.dispatch;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A courier as the solver moves jobs between them. The solver orders the list of new jobs; the route is that list
 * decoded: the courier's own jobs first, then each new job inserted at its cheapest feasible place in list order. So
 * pickups and drops always pair up on one route, and accepted jobs never leave their courier.
 */
@PlanningEntity
public final class SolverVehicle {

    @PlanningId
    private Long id;
    private Courier courier;
    private List<Stop> base;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<Job> jobs = new ArrayList<>();

    private @Nullable RoutePlanner planner;
    private long cachedHash = Long.MIN_VALUE;
    private @Nullable Decoded cached;

    /** For the solver's cloning. */
    @SuppressWarnings("NullAway")
    SolverVehicle() {
        this.id = 0L;
        this.courier = Courier.rider(0, new Point(0, 0), 0, 0, List.of(), List.of());
        this.base = List.of();
    }

    SolverVehicle(Courier courier, List<Stop> base, List<Job> jobs, RoutePlanner planner) {
        this.id = courier.id();
        this.courier = courier;
        this.base = List.copyOf(base);
        this.jobs = new ArrayList<>(jobs);
        this.planner = planner;
    }

    public Long getId() {
        return id;
    }

    public Courier getCourier() {
        return courier;
    }

    public List<Job> getJobs() {
        return jobs;
    }

    public void setJobs(List<Job> jobs) {
        this.jobs = jobs;
    }

    /** The route as decoded from the current list (cached until the list changes). */
    Decoded decode(RoutePlanner routePlanner) {
        long hash = jobs.size();
        for (Job job : jobs) {
            hash = hash * 1_000_003L + job.id();
        }
        Decoded result = cached;
        if (result != null && hash == cachedHash && planner == routePlanner) {
            return result;
        }
        List<Stop> route = base;
        int infeasible = 0;
        for (Job job : jobs) {
            RoutePlanner.Insertion insertion = routePlanner.cheapestInsertion(courier, route, job);
            if (!insertion.feasible()) {
                infeasible++;
            }
            route = RoutePlanner.apply(route, job, insertion);
        }
        RoutePlanner.Evaluation evaluation = routePlanner.evaluate(courier, route);
        result = new Decoded(route, evaluation, infeasible + (evaluation.feasible() || infeasible > 0 ? 0 : 1));
        cached = result;
        cachedHash = hash;
        planner = routePlanner;
        return result;
    }

    record Decoded(List<Stop> stops, RoutePlanner.Evaluation evaluation, int infeasible) {
    }
}
