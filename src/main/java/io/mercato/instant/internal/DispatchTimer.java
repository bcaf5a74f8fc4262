package io.mercato.instant.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs a dispatch round every {@code mercato.instant.dispatch.every} (5 s), or at the next one-second tick when an
 * order arrived, a rider declined, accepted, delivered or went on or off line. Off with the other timers.
 */
@Component
@ConditionalOnProperty(name = "mercato.ordering.timers-enabled", havingValue = "true", matchIfMissing = true)
class DispatchTimer {

    private final LiveDispatch dispatch;
    private final Clock clock;
    private final Duration every;
    private Instant last = Instant.EPOCH;

    DispatchTimer(LiveDispatch dispatch, Clock clock, @Value("${mercato.instant.dispatch.every:5s}") Duration every) {
        this.dispatch = dispatch;
        this.clock = clock;
        this.every = every;
    }

    @Scheduled(fixedDelayString = "1s", initialDelayString = "20s")
    void tick() {
        Instant now = clock.instant();
        if (dispatch.takeDirty() || !now.isBefore(last.plus(every))) {
            last = now;
            dispatch.round();
        }
    }
}
