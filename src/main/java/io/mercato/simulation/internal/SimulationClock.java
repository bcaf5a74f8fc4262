package io.mercato.simulation.internal;

import io.mercato.platform.SteerableClock;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The simulator's hold on the platform's clock: while a run works, the platform's {@code Clock} (a
 * {@link SteerableClock}) reads the simulated hour; afterwards it goes back to where it was (following the system
 * clock, or, in tests, the instant the test had set).
 */
@Component
class SimulationClock {

    private final Clock clock;
    private Instant before = Instant.EPOCH;
    private boolean wasHeld;

    SimulationClock(Clock clock) {
        this.clock = clock;
    }

    /** Whether the platform's clock can be held at all (it cannot when a clock of another kind was configured). */
    boolean steerable() {
        return clock instanceof SteerableClock;
    }

    synchronized void take() {
        SteerableClock steerable = (SteerableClock) clock;
        before = steerable.instant();
        wasHeld = steerable.isHeld();
    }

    void hold(Instant at) {
        ((SteerableClock) clock).hold(at);
    }

    synchronized void giveBack() {
        SteerableClock steerable = (SteerableClock) clock;
        if (wasHeld) {
            steerable.hold(before);
        } else {
            steerable.release();
        }
    }

    /** The platform's time, for what the simulator stamps outside the simulated hours. */
    Instant now() {
        return clock.instant();
    }
}
