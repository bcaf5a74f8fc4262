package io.mercato.instant;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A rider: an account with a rider profile, online or not, and where it last said it was. */
public record Rider(long id, long accountId, String name, int capacity, boolean online, @Nullable Position position,
        @Nullable Instant seenAt) {
}
