package io.mercato.simulation;

import io.mercato.platform.Actor;
import java.util.List;

/**
 * Runs simulated markets. Only operators may start, watch, stop or resume a run. A run holds the platform's clock at
 * its simulated time while it works, so one process runs at most one simulation at a time, and a simulation belongs
 * on a platform of its own (the demo's first start, a benchmark, a test), not beside real trade.
 */
public interface MarketSimulator {

    /**
     * Starts a run in the background and answers at once with its state.
     *
     * @throws io.mercato.platform.InvalidInputException when the plan is out of bounds (named by field)
     * @throws io.mercato.platform.ConflictException when a run is already working in this process
     */
    SimulationRun start(Actor operator, SimulationPlan plan);

    /** Starts a run and works it to its end in the caller's thread (the demo's start and tests). */
    SimulationRun runToEnd(Actor operator, SimulationPlan plan);

    /**
     * Continues a stopped or interrupted run in the background from the day after its last finished one.
     *
     * @throws io.mercato.platform.ConflictException when the run is finished, or a run is working in this process
     */
    SimulationRun resume(Actor operator, long runId);

    /** Continues a stopped or interrupted run to its end in the caller's thread. */
    SimulationRun resumeToEnd(Actor operator, long runId);

    /** Asks a working run to stop after the simulated hour it is in; it can be resumed later. */
    SimulationRun stop(Actor operator, long runId);

    /** @throws io.mercato.platform.NotFoundException when there is no such run */
    SimulationRun get(Actor operator, long runId);

    /** The latest runs first. */
    List<SimulationRun> list(Actor operator, int limit);

    /** The finished days of a run, the latest first: the run's log. */
    List<SimulatedDay> days(Actor operator, long runId, int limit);

    /**
     * Every order the run placed, in the order it placed them (day, hour, consumer): what a reproducibility check
     * compares between two runs of one seed.
     */
    List<SimulatedOrder> orders(Actor operator, long runId);
}
