package io.mercato.simulation;

import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What to simulate: a seed (the same seed gives the same market and the same orders), the market's size, and the
 * simulated days, which end before today so that the history lies in the platform's past.
 *
 * @param label what the run is called on the console
 * @param firstDay the first simulated day; {@code null} for the day that makes the run end yesterday
 * @param parallelism how many consumers and sellers act at once within a simulated hour (1 to 32)
 * @param intensity how often consumers buy, as a multiple of their segments' rates (0.1 to 20; 1 for a market like
 *     the real one): a small market with a high intensity gives busy charts from few accounts
 */
public record SimulationPlan(String label, long seed, int consumers, int merchants, int days,
        @Nullable LocalDate firstDay, int parallelism, double intensity) {

    /** A plan at the segments' own rates (intensity 1). */
    public SimulationPlan(String label, long seed, int consumers, int merchants, int days, @Nullable LocalDate firstDay,
            int parallelism) {
        this(label, seed, consumers, merchants, days, firstDay, parallelism, 1.0);
    }

    public static final int MAX_CONSUMERS = 1_000_000;
    public static final int MAX_MERCHANTS = 10_000;
    public static final int MAX_DAYS = 400;
    public static final int MAX_PARALLELISM = 32;

    public SimulationPlan {
        label = label == null ? "" : label.strip();
        if (label.isEmpty() || label.length() > 80) {
            throw new InvalidInputException("label", Text.of("simulation.label.length", 80));
        }
        if (consumers < 1 || consumers > MAX_CONSUMERS) {
            throw new InvalidInputException("consumers", Text.of("simulation.consumers.range", MAX_CONSUMERS, consumers));
        }
        if (merchants < 2 || merchants > MAX_MERCHANTS) {
            throw new InvalidInputException("merchants", Text.of("simulation.merchants.range", MAX_MERCHANTS, merchants));
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", Text.of("simulation.days.range", MAX_DAYS, days));
        }
        if (!(intensity >= 0.1 && intensity <= 20)) {
            throw new InvalidInputException("intensity", Text.of("simulation.intensity.range", 20, intensity));
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new InvalidInputException("parallelism",
                    Text.of("simulation.parallelism.range", MAX_PARALLELISM, parallelism));
        }
    }

    /** The first day, given today: the one asked for, else the day that makes the run end yesterday. */
    public LocalDate firstDay(LocalDate today) {
        LocalDate first = firstDay != null ? firstDay : today.minusDays(days);
        if (first.plusDays(days).isAfter(today)) {
            throw new InvalidInputException("firstDay", Text.of("simulation.days.future", first, days, today));
        }
        return first;
    }
}
