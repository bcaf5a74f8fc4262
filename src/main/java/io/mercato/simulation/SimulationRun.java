package io.mercato.simulation;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A run's state: its plan, how far it got and what it sold so far (GMV in the market's currency, yuan). */
public record SimulationRun(long id, String label, long seed, int consumers, int merchants, int days,
        LocalDate firstDay, int parallelism, double intensity, Status status, int daysDone, long orders, long gmvMinor, String currency,
        long busyMs, Instant createdAt, @Nullable Instant finishedAt) {

    public enum Status {
        /** Working, or interrupted by a stop of the process (then it shows as stopped after the next start). */
        RUNNING,
        /** Stopped on request or by a restart; can be resumed. */
        STOPPED,
        FINISHED,
        /** Broke off on an error; can be resumed. */
        FAILED
    }

    /** Per cent of the simulated days finished, 0 to 100. */
    public int percent() {
        return (int) Math.min(100, daysDone * 100L / days);
    }

    /** Orders placed per second of working time so far. */
    public double ordersPerSecond() {
        return busyMs == 0 ? 0 : orders * 1000.0 / busyMs;
    }
}
