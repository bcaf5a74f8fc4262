package io.mercato.ordering.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the lifecycle timers every {@code mercato.ordering.timeout-sweep}. */
@Component
@ConditionalOnProperty(name = "mercato.ordering.timers-enabled", havingValue = "true", matchIfMissing = true)
class OrderTimers {

    private static final Logger log = LoggerFactory.getLogger(OrderTimers.class);

    private final OrderTimeouts timeouts;

    OrderTimers(OrderTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Scheduled(fixedDelayString = "${mercato.ordering.timeout-sweep:30s}", initialDelayString = "10s")
    void sweep() {
        int handled = timeouts.run();
        if (handled > 0) {
            log.info("Order timers acted on {} orders and refunds", handled);
        }
    }
}
