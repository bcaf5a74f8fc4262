package io.mercato.search;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * @param state IDLE (nothing run since start), RUNNING, DONE or FAILED
 * @param done products written to the new index so far
 * @param total listed products when the rebuild started
 */
public record RebuildProgress(String state, long done, long total, @Nullable Instant startedAt,
        @Nullable Instant finishedAt, @Nullable String error, long indexedProducts) {
}
