package io.mercato.instant.internal.dispatch;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The problem the solver improves: couriers with their lists of new jobs, and the weights of the objective. */
@PlanningSolution
public final class DispatchSolution {

    @PlanningEntityCollectionProperty
    private List<SolverVehicle> vehicles = new ArrayList<>();

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<Job> jobs = new ArrayList<>();

    @ProblemFactProperty
    private @Nullable Weights weights;

    @PlanningScore
    private @Nullable HardMediumSoftLongScore score;

    DispatchSolution() {
    }

    DispatchSolution(List<SolverVehicle> vehicles, List<Job> jobs, Weights weights) {
        this.vehicles = vehicles;
        this.jobs = jobs;
        this.weights = weights;
    }

    public List<SolverVehicle> getVehicles() {
        return vehicles;
    }

    public List<Job> getJobs() {
        return jobs;
    }

    public @Nullable Weights getWeights() {
        return weights;
    }

    public @Nullable HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(@Nullable HardMediumSoftLongScore score) {
        this.score = score;
    }

    /**
     * The objective, lexicographic: hard = infeasible insertions and forbidden pairs; medium = jobs left unassigned;
     * soft = {@code vehicleCost} per courier used + distance + {@code latenessWeight} per minute late, scaled to
     * integers by {@code scale}.
     */
    public record Weights(RoutePlanner planner, double vehicleCost, double scale, Map<Long, Set<Long>> forbidden) {
    }
}
