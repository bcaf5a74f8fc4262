package io.mercato.simulation.internal;

import io.mercato.http.Wording;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.simulation.MarketSimulator;
import io.mercato.simulation.SimulationPlan;
import io.mercato.simulation.SimulationRun;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operations console's simulator pages: the runs with a form to start one, and a run's page whose progress bar
 * and day-by-day log refresh themselves (htmx polling) while it works.
 */
@Controller
class SimulationPages {

    static final int LOG_LINES = 400;

    private final MarketSimulator simulator;
    private final Wording wording;

    SimulationPages(MarketSimulator simulator, Wording wording) {
        this.simulator = simulator;
        this.wording = wording;
    }

    @GetMapping("/ops/simulations")
    String runs(Actor operator, Model model) {
        return runs(operator, model, defaults(), null);
    }

    private String runs(Actor operator, Model model, Map<String, String> form, @Nullable String error) {
        model.addAttribute("runs", simulator.list(operator, 50));
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "simulation/runs";
    }

    private static Map<String, String> defaults() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("label", "");
        form.put("seed", "42");
        form.put("consumers", "1000");
        form.put("merchants", "20");
        form.put("days", "14");
        form.put("parallelism", "2");
        form.put("intensity", "1");
        return form;
    }

    @PostMapping("/ops/simulations")
    String start(Actor operator, @RequestParam Map<String, String> params, Model model) {
        Map<String, String> form = defaults();
        form.keySet().forEach(key -> form.put(key, params.getOrDefault(key, "").strip()));
        try {
            long seed = number(form, "seed");
            String label = form.get("label").isEmpty() ? "seed " + seed : form.get("label");
            SimulationRun run = simulator.start(operator, new SimulationPlan(label, seed,
                    (int) number(form, "consumers"), (int) number(form, "merchants"), (int) number(form, "days"), null,
                    (int) number(form, "parallelism"), decimal(form, "intensity")));
            return "redirect:/ops/simulations/" + run.id();
        } catch (DomainException refused) {
            return runs(operator, model, form, wording.of(refused));
        }
    }

    private static long number(Map<String, String> form, String field) {
        try {
            long value = Long.parseLong(form.get(field));
            if (!field.equals("seed") && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
                throw new NumberFormatException(field);
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(field, Text.of("simulation.field.number"));
        }
    }

    private static double decimal(Map<String, String> form, String field) {
        try {
            return Double.parseDouble(form.get(field));
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(field, Text.of("simulation.field.decimal"));
        }
    }

    @GetMapping("/ops/simulations/{runId}")
    String run(Actor operator, @PathVariable long runId, Model model) {
        fill(operator, runId, model);
        return "simulation/run";
    }

    /** The part of the run's page that refreshes itself: the progress bar, the figures and the day log. */
    @GetMapping("/ops/simulations/{runId}/progress")
    String progress(Actor operator, @PathVariable long runId, Model model) {
        fill(operator, runId, model);
        return "simulation/run :: progress";
    }

    private void fill(Actor operator, long runId, Model model) {
        model.addAttribute("run", simulator.get(operator, runId));
        model.addAttribute("days", simulator.days(operator, runId, LOG_LINES));
    }

    @PostMapping("/ops/simulations/{runId}/stop")
    String stop(Actor operator, @PathVariable long runId, Model model) {
        return act(operator, runId, model, () -> simulator.stop(operator, runId));
    }

    @PostMapping("/ops/simulations/{runId}/resume")
    String resume(Actor operator, @PathVariable long runId, Model model) {
        return act(operator, runId, model, () -> simulator.resume(operator, runId));
    }

    private String act(Actor operator, long runId, Model model, Runnable action) {
        try {
            action.run();
            return "redirect:/ops/simulations/" + runId;
        } catch (DomainException refused) {
            fill(operator, runId, model);
            model.addAttribute("error", wording.of(refused));
            return "simulation/run";
        }
    }
}
