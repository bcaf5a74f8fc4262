package io.mercato.web.shop;

import io.mercato.pricing.Festivals.Festival;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a festival's countdown counts to, by its phase: its start, the opening of its final-payment window, or its
 * end. {@code key} names the bundle text ("starts in", "final payment opens in", "ends in"); the page renders the
 * time left and ticks it in the browser.
 */
record Countdown(String key, Instant until, long secondsLeft) {

    static @Nullable Countdown of(Festival festival, Instant now) {
        if (now.isBefore(festival.startsAt())) {
            return at("festivals.countdown.start", festival.startsAt(), now);
        }
        if (festival.finalFrom() != null && now.isBefore(festival.finalFrom())) {
            return at("festivals.countdown.final", festival.finalFrom(), now);
        }
        if (now.isBefore(festival.endsAt())) {
            return at("festivals.countdown.end", festival.endsAt(), now);
        }
        return null;
    }

    /** Every countdown still running: to the start, to the final-payment window, to the end. */
    static java.util.List<Countdown> all(Festival festival, Instant now) {
        java.util.List<Countdown> all = new java.util.ArrayList<>();
        if (now.isBefore(festival.startsAt())) {
            all.add(at("festivals.countdown.start", festival.startsAt(), now));
        }
        if (festival.finalFrom() != null && now.isBefore(festival.finalFrom())) {
            all.add(at("festivals.countdown.final", festival.finalFrom(), now));
        }
        if (now.isBefore(festival.endsAt())) {
            all.add(at("festivals.countdown.end", festival.endsAt(), now));
        }
        return all;
    }

    static Countdown at(String key, Instant until, Instant now) {
        return new Countdown(key, until, Math.max(0, Duration.between(now, until).toSeconds()));
    }

    public long days() {
        return secondsLeft / 86_400;
    }

    /** The time left below a day, as hh:mm:ss. */
    public String clock() {
        long rest = secondsLeft % 86_400;
        return String.format("%02d:%02d:%02d", rest / 3600, rest / 60 % 60, rest % 60);
    }

    public long untilMillis() {
        return until.toEpochMilli();
    }
}
