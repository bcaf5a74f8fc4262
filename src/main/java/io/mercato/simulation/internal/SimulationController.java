package io.mercato.simulation.internal;

import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.simulation.MarketSimulator;
import io.mercato.simulation.SimulatedDay;
import io.mercato.simulation.SimulationPlan;
import io.mercato.simulation.SimulationRun;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/operator/simulations")
@Tag(name = "Market simulator", description = "Operators run a simulated market through the platform's real paths")
class SimulationController {

    private final MarketSimulator simulator;

    SimulationController(MarketSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * A run to start; every field but {@code firstDay} (default: the run ends yesterday), {@code label},
     * {@code parallelism} (default 2) and {@code intensity} (default 1) is required.
     */
    record NewRun(@Nullable String label, @Nullable Long seed, @Nullable Integer consumers, @Nullable Integer merchants,
            @Nullable Integer days, @Nullable LocalDate firstDay, @Nullable Integer parallelism,
            @Nullable Double intensity) {

        SimulationPlan plan() {
            return new SimulationPlan(label == null ? "seed " + require(seed, "seed") : label, require(seed, "seed"),
                    require(consumers, "consumers"), require(merchants, "merchants"), require(days, "days"), firstDay,
                    parallelism == null ? 2 : parallelism, intensity == null ? 1.0 : intensity);
        }

        private static <T> T require(@Nullable T value, String field) {
            if (value == null) {
                throw new InvalidInputException(field, Text.of("simulation.field.required"));
            }
            return value;
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    SimulationRun start(@RequestBody NewRun run, Actor operator) {
        operator.require(Role.OPERATOR); // before the plan is checked: a buyer learns nothing about its bounds
        return simulator.start(operator, run.plan());
    }

    @GetMapping
    List<SimulationRun> list(@RequestParam(defaultValue = "20") int limit, Actor operator) {
        operator.require(Role.OPERATOR);
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", Text.of("simulation.limit.range", 200, limit));
        }
        return simulator.list(operator, limit);
    }

    @GetMapping("/{runId}")
    SimulationRun get(@PathVariable long runId, Actor operator) {
        return simulator.get(operator, runId);
    }

    @GetMapping("/{runId}/days")
    List<SimulatedDay> days(@PathVariable long runId, @RequestParam(defaultValue = "100") int limit, Actor operator) {
        operator.require(Role.OPERATOR);
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", Text.of("simulation.limit.range", 1000, limit));
        }
        return simulator.days(operator, runId, limit);
    }

    @PostMapping("/{runId}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SimulationRun resume(@PathVariable long runId, Actor operator) {
        return simulator.resume(operator, runId);
    }

    @PostMapping("/{runId}/stop")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SimulationRun stop(@PathVariable long runId, Actor operator) {
        return simulator.stop(operator, runId);
    }
}
