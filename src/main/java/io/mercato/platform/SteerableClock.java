package io.mercato.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The platform's one clock: it follows its base clock (the system's) unless someone holds it at an instant, as the
 * market simulator does while it writes a history day by day. Every module reads time from the injected
 * {@link Clock}, so while the clock is held, everything they stamp (orders, postings, registrations) and every timer
 * that compares against "now" lives in the held time.
 */
public class SteerableClock extends Clock {

    private final Clock base;
    private volatile @Nullable Instant held;

    public SteerableClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant at = held;
        return at != null ? at : base.instant();
    }

    /** From now on the clock reads {@code at}, until it is held elsewhere or released. */
    public void hold(Instant at) {
        held = Objects.requireNonNull(at, "at");
    }

    /** Back to the base clock. */
    public void release() {
        held = null;
    }

    /** Whether the clock is held at an instant rather than following its base clock. */
    public boolean isHeld() {
        return held != null;
    }
}
