package io.mercato.pricing.internal;

import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
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
            throw new InvalidInputException(fromField, Text.of("pricing.nameWhenStarts"));
        }
        if (until == null) {
            throw new InvalidInputException(untilField, Text.of("pricing.nameWhenEnds"));
        }
        if (from.isBefore(EARLIEST) || until.isAfter(LATEST)) {
            throw new InvalidInputException(from.isBefore(EARLIEST) ? fromField : untilField,
                    Text.of("pricing.windowLiesBetween", EARLIEST, LATEST));
        }
        if (!from.isBefore(until)) {
            throw new InvalidInputException(untilField, Text.of("pricing.windowMustEndAfterStarts", from, until));
        }
        if (Duration.between(from, until).compareTo(longest) > 0) {
            throw new InvalidInputException(untilField, Text.of("pricing.windowLastsMostDaysGot", longest.toDays(), Duration.between(from, until).toDays()));
        }
    }
}
