package io.mercato.ordering.internal;

import org.springframework.stereotype.Component;

/**
 * The clock-driven steps of the lifecycle: cancels overdue unpaid orders, approves returns the seller has not
 * decided in time, and completes orders past the confirmation period. Public so that tests can run it on
 * purpose; nothing outside the module calls it.
 */
@Component
public final class OrderTimeouts {

    private final DefaultOrderLifecycle lifecycle;

    OrderTimeouts(DefaultOrderLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Runs every due timer once and says how many orders and refunds it acted on. */
    public int run() {
        return lifecycle.runTimeouts();
    }
}
