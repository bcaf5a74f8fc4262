package io.mercato.ordering.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the presale timer with the lifecycle timers' sweep interval. */
@Component
@ConditionalOnProperty(name = "mercato.ordering.timers-enabled", havingValue = "true", matchIfMissing = true)
class PresaleTimers {

    private static final Logger log = LoggerFactory.getLogger(PresaleTimers.class);

    private final PresaleTimeouts timeouts;

    PresaleTimers(PresaleTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Scheduled(fixedDelayString = "${mercato.ordering.timeout-sweep:30s}", initialDelayString = "15s")
    void sweep() {
        int closed = timeouts.run();
        if (closed > 0) {
            log.info("Presale timer closed {} unpaid presales", closed);
        }
    }
}
