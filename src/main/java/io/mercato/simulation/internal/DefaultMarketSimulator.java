package io.mercato.simulation.internal;

import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.simulation.MarketSimulator;
import io.mercato.simulation.SimulatedDay;
import io.mercato.simulation.SimulatedOrder;
import io.mercato.simulation.SimulationPlan;
import io.mercato.simulation.SimulationRun;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, works, stops and resumes runs. One run works at a time in this process (it holds the platform's clock);
 * its progress is written per finished day, so a stopped or interrupted run continues from the day after the last
 * finished one.
 */
@Service
@Order(0)
class DefaultMarketSimulator implements MarketSimulator, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultMarketSimulator.class);

    private final Runs runs;
    private final MarketDriver driver;
    private final SimulationClock clock;
    private final TransactionTemplate transactions;
    /** The run working in this process, or 0. */
    private final AtomicLong working = new AtomicLong();
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    private final io.mercato.insights.Insights insights;

    DefaultMarketSimulator(Runs runs, MarketDriver driver, SimulationClock clock, TransactionTemplate transactions,
            io.mercato.insights.Insights insights) {
        this.insights = insights;
        this.runs = runs;
        this.driver = driver;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Runs a stopped process left working cannot be working now: they show as stopped, ready to resume. */
    @Override
    public void run(ApplicationArguments args) {
        int interrupted = runs.interrupted();
        if (interrupted > 0) {
            log.info("{} simulation run(s) were interrupted by the last stop; they can be resumed", interrupted);
        }
    }

    @Override
    public SimulationRun start(Actor operator, SimulationPlan plan) {
        long runId = create(operator, plan);
        Thread.ofPlatform().name("simulation-" + runId).daemon().start(() -> work(operator, runId));
        return runs.get(runId);
    }

    @Override
    public SimulationRun runToEnd(Actor operator, SimulationPlan plan) {
        long runId = create(operator, plan);
        work(operator, runId);
        return runs.get(runId);
    }

    private long create(Actor operator, SimulationPlan plan) {
        operator.require(Role.OPERATOR);
        if (!clock.steerable()) {
            throw new ConflictException(Text.of("simulation.clock.fixed"));
        }
        LocalDate today = LocalDate.ofInstant(clock.now(), driver.zone());
        LocalDate first = plan.firstDay(today);
        Long runId = transactions.execute(status -> runs.create(plan, first, clock.now()));
        claim(runId);
        return runId;
    }

    private void claim(long runId) {
        if (!working.compareAndSet(0, runId)) {
            runs.status(runId, SimulationRun.Status.STOPPED, clock.now());
            throw new ConflictException(Text.of("simulation.busy", working.get()));
        }
        stopRequested.set(false);
    }

    @Override
    public SimulationRun resume(Actor operator, long runId) {
        prepareResume(operator, runId);
        Thread.ofPlatform().name("simulation-" + runId).daemon().start(() -> work(operator, runId));
        return runs.get(runId);
    }

    @Override
    public SimulationRun resumeToEnd(Actor operator, long runId) {
        prepareResume(operator, runId);
        work(operator, runId);
        return runs.get(runId);
    }

    private void prepareResume(Actor operator, long runId) {
        operator.require(Role.OPERATOR);
        SimulationRun run = runs.get(runId);
        if (run.status() == SimulationRun.Status.FINISHED) {
            throw new ConflictException(Text.of("simulation.finished", runId));
        }
        if (working.get() == runId) {
            throw new ConflictException(Text.of("simulation.busy", runId));
        }
        claim(runId);
        runs.status(runId, SimulationRun.Status.RUNNING, clock.now());
    }

    @Override
    public SimulationRun stop(Actor operator, long runId) {
        operator.require(Role.OPERATOR);
        SimulationRun run = runs.get(runId);
        if (working.get() != runId) {
            throw new ConflictException(Text.of("simulation.notWorking", runId));
        }
        stopRequested.set(true);
        return run;
    }

    @Override
    public SimulationRun get(Actor operator, long runId) {
        operator.require(Role.OPERATOR);
        return runs.get(runId);
    }

    @Override
    public List<SimulationRun> list(Actor operator, int limit) {
        operator.require(Role.OPERATOR);
        return runs.latest(Math.max(1, Math.min(limit, 200)));
    }

    @Override
    public List<SimulatedDay> days(Actor operator, long runId, int limit) {
        operator.require(Role.OPERATOR);
        runs.get(runId);
        return runs.days(runId, Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public List<SimulatedOrder> orders(Actor operator, long runId) {
        operator.require(Role.OPERATOR);
        runs.get(runId);
        return runs.orders(runId);
    }

    /** Works a claimed run from where it stands to its end, or until asked to stop; always lets go of the clock. */
    private void work(Actor operator, long runId) {
        SimulationRun run = runs.get(runId);
        Market market = new Market(run.seed(), run.consumers(), run.merchants(), run.days(), run.intensity());
        ExecutorService workers = Executors.newFixedThreadPool(run.parallelism(),
                Thread.ofPlatform().name("simulation-" + runId + "-worker-", 0).daemon().factory());
        clock.take();
        try {
            // One password hash for every account the run registers in this process (see MarketDriver#passwordHash).
            String passwordHash = driver.passwordHash();
            if (!runs.setUp(runId)) {
                long started = System.nanoTime();
                // The market opens the evening before its first day.
                clock.hold(driver.at(run.firstDay().minusDays(1), 18));
                driver.setUp(run, market, operator, workers, passwordHash);
                runs.markSetUp(runId);
                log.info("Simulation {}: the market is open: {} merchants, {} products ({} ms)", runId,
                        run.merchants(), run.merchants() * Market.PRODUCTS_PER_MERCHANT,
                        (System.nanoTime() - started) / 1_000_000);
            }
            MarketDriver.Cast cast = driver.cast(run, market, operator, passwordHash);
            for (int day = runs.get(runId).daysDone(); day < run.days(); day++) {
                SimulatedDay done = driver.day(cast, day, clock, workers, stopRequested::get);
                if (done == null) {
                    insights.retakeBooked(run.firstDay().minusDays(1), run.firstDay().plusDays(day));
                    runs.status(runId, SimulationRun.Status.STOPPED, clock.now());
                    log.info("Simulation {} stopped during day {}; it resumes from that day", runId, day + 1);
                    return;
                }
                transactions.executeWithoutResult(status -> runs.dayDone(runId, done));
                log.info("Simulation {} day {}/{} ({}): {} visitors, {} orders, GMV {} fen, {} cancelled, {} refunds, {} reviews, "
                        + "{} new buyers, {} 88VIP joins, {} sponsored clicks, {} refused, {} ms", runId, day + 1,
                        run.days(), done.day(), done.visitors(), done.orders(), done.gmvMinor(), done.cancelled(), done.refunds(),
                        done.reviews(), done.newBuyers(), done.vipJoins(), done.adClicks(), done.refused(),
                        done.wallMs());
            }
            clock.giveBack();
            // The run wrote its days in the past, after insights had taken them: take the ledger's figures again.
            insights.retakeBooked(run.firstDay().minusDays(1), run.firstDay().plusDays(run.days()));
            runs.status(runId, SimulationRun.Status.FINISHED, clock.now());
        } catch (RuntimeException failed) {
            log.error("Simulation {} failed; it can be resumed from its last finished day", runId, failed);
            clock.giveBack();
            runs.status(runId, SimulationRun.Status.FAILED, clock.now());
        } finally {
            clock.giveBack();
            workers.shutdownNow();
            working.set(0);
        }
    }
}
