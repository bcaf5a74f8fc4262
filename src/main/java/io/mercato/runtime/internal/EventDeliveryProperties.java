package io.mercato.runtime.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application module listeners are run and how their missed deliveries are made up.
 *
 * @param concurrency listeners running at once, each holding a connection; unset means half the pool, at most 8
 * @param queueCapacity deliveries waiting for a listener thread; beyond it a delivery is left to the resubmission
 * @param resubmitEvery how often incomplete publications are looked for while the application runs
 * @param resubmitOlderThan how old an incomplete publication must be before it is delivered again, so one still
 *        queued or running is normally left alone
 * @param resubmitBatch the most publications one resubmission sends (never more than the listeners' queue has room
 *        for), so that a large backlog is worked off a batch at a time instead of overflowing the queue
 */
@ConfigurationProperties("mercato.events")
record EventDeliveryProperties(@Nullable Integer concurrency, @DefaultValue("10000") int queueCapacity,
        @DefaultValue("30s") Duration resubmitEvery, @DefaultValue("1m") Duration resubmitOlderThan,
        @DefaultValue("5000") int resubmitBatch) {

    /** The listener threads for a pool of {@code poolSize} connections, leaving the rest to requests and timers. */
    int concurrencyFor(int poolSize) {
        int limit = concurrency != null ? concurrency : Math.max(1, Math.min(8, poolSize / 2));
        if (limit < 1 || limit >= poolSize) {
            throw new IllegalStateException(("mercato.events.concurrency is %d but mercato.pool-size is %d: each listener "
                    + "holds a connection, so the listeners must leave some to requests. Maybe set it to %d?")
                    .formatted(limit, poolSize, Math.max(1, Math.min(8, poolSize / 2))));
        }
        return limit;
    }
}
