package io.mercato.instant.internal.dispatch;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.EasyScoreCalculator;
import java.util.Objects;
import java.util.Set;

/**
 * Scores a whole solution; cheap because each vehicle caches its decoded route, so a move re-decodes only the
 * vehicles it touched.
 */
public final class DispatchScore implements EasyScoreCalculator<DispatchSolution, HardMediumSoftLongScore> {

    @Override
    public HardMediumSoftLongScore calculateScore(DispatchSolution solution) {
        DispatchSolution.Weights weights = Objects.requireNonNull(solution.getWeights(), "weights");
        RoutePlanner planner = weights.planner();
        long hard = 0;
        long assigned = 0;
        double soft = 0;
        for (SolverVehicle vehicle : solution.getVehicles()) {
            assigned += vehicle.getJobs().size();
            SolverVehicle.Decoded decoded = vehicle.decode(planner);
            hard += decoded.infeasible();
            for (Job job : vehicle.getJobs()) {
                Set<Long> forbidden = weights.forbidden().get(job.id());
                if (forbidden != null && forbidden.contains(vehicle.getId())) {
                    hard++;
                }
            }
            soft += decoded.evaluation().cost(planner.latenessWeight());
            if (!decoded.stops().isEmpty()) {
                soft += weights.vehicleCost();
            }
        }
        long medium = solution.getJobs().size() - assigned;
        return HardMediumSoftLongScore.of(-hard, -medium, -Math.round(soft * weights.scale()));
    }
}
