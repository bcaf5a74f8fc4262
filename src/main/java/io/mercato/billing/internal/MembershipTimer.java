package io.mercato.billing.internal;

import io.mercato.billing.Memberships;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Bills due wholesale memberships every {@code mercato.billing.membership-sweep} (one hour). */
@Component
@ConditionalOnProperty(name = "mercato.ordering.timers-enabled", havingValue = "true", matchIfMissing = true)
class MembershipTimer {

    private static final Logger log = LoggerFactory.getLogger(MembershipTimer.class);

    private final Memberships memberships;

    MembershipTimer(Memberships memberships) {
        this.memberships = memberships;
    }

    @Scheduled(fixedDelayString = "${mercato.billing.membership-sweep:1h}", initialDelayString = "20s")
    void sweep() {
        int billed = memberships.billDue();
        if (billed > 0) {
            log.info("Billed {} wholesale membership years", billed);
        }
    }
}
