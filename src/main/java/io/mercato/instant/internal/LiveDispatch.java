package io.mercato.instant.internal;

import io.mercato.instant.DeliveryStatus;
import io.mercato.instant.Dispatch;
import io.mercato.instant.DispatchRound;
import io.mercato.instant.Rider;
import io.mercato.instant.internal.dispatch.Courier;
import io.mercato.instant.internal.dispatch.GreedyDispatcher;
import io.mercato.instant.internal.dispatch.Job;
import io.mercato.instant.internal.dispatch.Plan;
import io.mercato.instant.internal.dispatch.RoutePlanner;
import io.mercato.instant.internal.dispatch.SolverDispatcher;
import io.mercato.instant.internal.dispatch.Stop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live dispatch. A round reads the online riders (with what they carry and have accepted) and the deliveries that
 * may still move (pending, or offered but not accepted), then:
 * <ol>
 * <li>the greedy step ({@link GreedyDispatcher}): each delivery, by promise, goes where it adds least distance plus
 * weighted lateness among the eight riders nearest its store — a first answer in milliseconds even for a thousand
 * orders, written at once so riders see offers and buyers ETAs without waiting;</li>
 * <li>the solver step ({@link SolverDispatcher}, Timefold Solver): starting from the greedy plan, a local search moves
 * deliveries between riders and reorders routes for up to {@code mercato.instant.dispatch.solver-budget}; its plan is
 * written when it scores better.</li>
 * </ol>
 * Accepted and picked-up deliveries are part of their rider's route and never move; a rider who declined a delivery
 * is never offered it again. Writes are guarded by status, so a delivery accepted while the round was thinking stays
 * accepted.
 */
@Service
class LiveDispatch implements Dispatch {

    /** One minute late weighs as much as this many metres of riding (about six minutes of it): being on time comes first. */
    static final double LATENESS_WEIGHT = 2000;
    private static final int NEAREST_RIDERS = 8;

    private final RiderRoster roster;
    private final DeliveryRows rows;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RoutePlanner planner = new RoutePlanner(Travel.METRIC, false, LATENESS_WEIGHT);
    private final GreedyDispatcher greedy = new GreedyDispatcher(planner, NEAREST_RIDERS);
    private final SolverDispatcher solver;
    private final boolean solverOn;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final AtomicBoolean dirty = new AtomicBoolean();

    LiveDispatch(RiderRoster roster, DeliveryRows rows, TransactionTemplate transactions, Clock clock,
            @Value("${mercato.instant.dispatch.solver-budget:1s}") Duration solverBudget,
            @Value("${mercato.instant.dispatch.solver-unimproved:300ms}") Duration unimproved) {
        this.roster = roster;
        this.rows = rows;
        this.transactions = transactions;
        this.clock = clock;
        this.solverOn = !solverBudget.isZero();
        this.solver = new SolverDispatcher(planner, solverOn ? solverBudget : Duration.ofMillis(1), unimproved, 0, 1, 42);
    }

    @Override
    public void replanSoon() {
        dirty.set(true);
    }

    /** Whether something changed since the last round (and clears the mark). */
    boolean takeDirty() {
        return dirty.getAndSet(false);
    }

    @Override
    public List<DispatchRound> round() {
        oneAtATime.lock();
        try {
            return runRound();
        } finally {
            oneAtATime.unlock();
        }
    }

    private List<DispatchRound> runRound() {
        Instant now = clock.instant();
        List<Rider> riders = roster.onlineWithPosition();
        List<DeliveryRows.Row> open = rows.open();
        Map<Long, List<Job>> carrying = new HashMap<>();
        Map<Long, List<Job>> committed = new HashMap<>();
        Set<Long> onlineIds = new java.util.HashSet<>();
        riders.forEach(r -> onlineIds.add(r.id()));
        List<Job> movable = new ArrayList<>();
        for (DeliveryRows.Row row : open) {
            Job job = job(row, now);
            Long rider = row.riderId();
            if (row.status() == DeliveryStatus.PICKED_UP && rider != null && onlineIds.contains(rider)) {
                carrying.computeIfAbsent(rider, k -> new ArrayList<>()).add(job);
            } else if (row.status() == DeliveryStatus.ACCEPTED && rider != null && onlineIds.contains(rider)) {
                committed.computeIfAbsent(rider, k -> new ArrayList<>()).add(job);
            } else if (row.status() == DeliveryStatus.PENDING || row.status() == DeliveryStatus.ASSIGNED) {
                movable.add(job);
            }
        }
        if (movable.isEmpty() && carrying.isEmpty() && committed.isEmpty()) {
            return List.of();
        }
        List<Courier> couriers = new ArrayList<>();
        for (Rider rider : riders) {
            couriers.add(Courier.rider(rider.id(), Travel.point(java.util.Objects.requireNonNull(rider.position())), 0,
                    rider.capacity(), carrying.getOrDefault(rider.id(), List.of()),
                    committed.getOrDefault(rider.id(), List.of())));
        }
        Map<Long, Set<Long>> declined = rows.declines(movable.stream().map(Job::id).toList());
        Set<Long> movableIds = new java.util.HashSet<>();
        movable.forEach(j -> movableIds.add(j.id()));

        List<DispatchRound> result = new ArrayList<>();
        long started = System.nanoTime();
        Plan first = greedy.plan(couriers, movable, declined);
        long greedyMillis = (System.nanoTime() - started) / 1_000_000;
        write(first, movableIds, now);
        result.add(record("GREEDY", first, movable.size(), couriers.size(), movableIds, greedyMillis, now));

        if (solverOn && !movable.isEmpty() && !couriers.isEmpty()) {
            started = System.nanoTime();
            Plan better = solver.improve(first, declined);
            long solverMillis = (System.nanoTime() - started) / 1_000_000;
            if (better.unassigned().size() < first.unassigned().size()
                    || better.unassigned().size() == first.unassigned().size() && cost(better) < cost(first) - 1e-6) {
                write(better, movableIds, now);
                result.add(record("SOLVER", better, movable.size(), couriers.size(), movableIds, solverMillis, now));
            }
        }
        return result;
    }

    private double cost(Plan plan) {
        return plan.distance() + LATENESS_WEIGHT * plan.lateness();
    }

    private DispatchRound record(String step, Plan plan, int jobs, int riders, Set<Long> movableIds, long millis, Instant now) {
        int assigned = (int) plan.routes().values().stream().flatMap(r -> r.stops().stream())
                .filter(s -> s.pickup() && movableIds.contains(s.job().id())).count();
        DispatchRound round = new DispatchRound(now, step, jobs, riders, assigned, millis, Math.round(plan.distance()),
                (int) plan.lateDrops());
        rows.recordRound(round);
        return round;
    }

    private void write(Plan plan, Set<Long> movableIds, Instant now) {
        transactions.executeWithoutResult(status -> {
            for (Plan.Route route : plan.routes().values()) {
                long riderId = route.courier().id();
                Map<Long, Integer> pickupSeq = new HashMap<>();
                int seq = 0;
                for (int k = 0; k < route.stops().size(); k++) {
                    Stop stop = route.stops().get(k);
                    long id = stop.job().id();
                    if (stop.pickup()) {
                        pickupSeq.put(id, seq++);
                        continue;
                    }
                    Instant eta = at(now, route.evaluation().arrivals()[k]);
                    int place = pickupSeq.getOrDefault(id, seq++);
                    if (movableIds.contains(id)) {
                        rows.offer(id, riderId, place, eta, now);
                    } else {
                        rows.reroute(id, riderId, place, eta);
                    }
                }
            }
            for (Job job : plan.unassigned()) {
                double naive = Math.max(0, job.pickupReady()) + Travel.SERVICE_MINUTES
                        + Travel.METRIC.minutes(job.pickup(), job.drop()) + Travel.SERVICE_MINUTES;
                rows.unassign(job.id(), at(now, naive));
            }
        });
    }

    private static Instant at(Instant now, double minutes) {
        return now.plusMillis(Math.round(minutes * 60_000));
    }

    private static double minutes(Instant now, Instant when) {
        return Duration.between(now, when).toMillis() / 60_000.0;
    }

    private static Job job(DeliveryRows.Row row, Instant now) {
        return new Job(row.id(), Travel.point(row.pickup()), Travel.point(row.drop()), 1, minutes(now, row.readyAt()),
                Double.POSITIVE_INFINITY, Travel.SERVICE_MINUTES, Double.NEGATIVE_INFINITY, minutes(now, row.promisedAt()),
                Travel.SERVICE_MINUTES);
    }
}
