package io.mercato;

import io.mercato.platform.SteerableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A clock tests move forward by hand, so timeouts happen without sleeping. It is always held (never follows the
 * system clock); the market simulator may hold it elsewhere while it writes a history and hands it back after.
 */
public final class MutableClock extends SteerableClock {

    public MutableClock() {
        super(Clock.systemUTC());
        hold(Instant.now());
    }

    public void advance(Duration duration) {
        hold(instant().plus(duration));
    }

    /** A test clock is never released to the system clock: it stays where it is. */
    @Override
    public void release() {
        hold(instant());
    }
}
