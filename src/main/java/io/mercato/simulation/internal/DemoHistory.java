package io.mercato.simulation.internal;

import io.mercato.identity.Accounts;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import io.mercato.simulation.MarketSimulator;
import io.mercato.simulation.SimulationPlan;
import io.mercato.simulation.SimulationRun;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the demo marketplace is seeded, writes a few weeks of simulated market history ending yesterday, so the
 * operations console's charts show trends from the first start. Runs once: a finished demo history is left alone,
 * an interrupted one (the process stopped during the first start) is resumed from its last finished day.
 */
@Component
@Order(150)
@ConditionalOnProperty(name = "mercato.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoHistory implements ApplicationRunner {

    static final String LABEL = "Demo history";
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    private final MarketSimulator simulator;
    private final Runs runs;
    private final Accounts accounts;
    private final SimulationProperties properties;

    DemoHistory(MarketSimulator simulator, Runs runs, Accounts accounts, SimulationProperties properties) {
        this.simulator = simulator;
        this.runs = runs;
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        SimulationProperties.DemoHistory demo = properties.demoHistory();
        if (!demo.enabled() || accounts.operators().isEmpty()) {
            return;
        }
        Actor operator = new Actor(accounts.operators().getFirst().id(), Role.OPERATOR);
        Optional<SimulationRun> earlier = runs.byLabel(LABEL);
        long started = System.nanoTime();
        SimulationRun run;
        if (earlier.isEmpty()) {
            run = simulator.runToEnd(operator, new SimulationPlan(LABEL, demo.seed(), demo.consumers(),
                    demo.merchants(), demo.days(), null, demo.parallelism(), demo.intensity()));
        } else if (earlier.get().status() != SimulationRun.Status.FINISHED) {
            run = simulator.resumeToEnd(operator, earlier.get().id());
        } else {
            return;
        }
        log.info("Demo history: {} simulated days, {} orders from {} consumers at {} merchants ({} ms)",
                run.daysDone(), run.orders(), run.consumers(), run.merchants(), (System.nanoTime() - started) / 1_000_000);
    }
}
