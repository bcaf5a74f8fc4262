package io.mercato.pricing.internal;

import io.mercato.platform.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The rule for a promotion's time window: both ends given, the start before the end, and not absurdly long. */
final class Windows {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private Windows() {
    }

    static void require(String fromField, String untilField, @Nullable Instant from, @Nullable Instant until,
            Duration longest) {
        if (from == null) {
            throw new InvalidInputException(fromField, "Name when it starts");
        }
        if (until == null) {
            throw new InvalidInputException(untilField, "Name when it ends");
        }
        if (from.isBefore(EARLIEST) || until.isAfter(LATEST)) {
            throw new InvalidInputException(from.isBefore(EARLIEST) ? fromField : untilField,
                    "A window lies between " + EARLIEST + " and " + LATEST);
        }
        if (!from.isBefore(until)) {
            throw new InvalidInputException(untilField, "The window must end after it starts (" + from + "), got " + until);
        }
        if (Duration.between(from, until).compareTo(longest) > 0) {
            throw new InvalidInputException(untilField, "A window lasts at most " + longest.toDays() + " days, got "
                    + Duration.between(from, until).toDays());
        }
    }
}
