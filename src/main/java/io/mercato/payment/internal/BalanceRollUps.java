package io.mercato.payment.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link BalanceRollUp} every {@code mercato.payment.roll-up-every}, on every instance: roll-ups of
 * one account take turns on its row lock, so instances do not need to agree on who runs it.
 */
@Component
@ConditionalOnProperty(name = "mercato.payment.roll-up-enabled", havingValue = "true", matchIfMissing = true)
class BalanceRollUps {

    private final BalanceRollUp rollUp;

    BalanceRollUps(BalanceRollUp rollUp) {
        this.rollUp = rollUp;
    }

    @Scheduled(fixedDelayString = "${mercato.payment.roll-up-every:1s}",
            initialDelayString = "${mercato.payment.roll-up-every:1s}")
    void run() {
        rollUp.run();
    }
}
