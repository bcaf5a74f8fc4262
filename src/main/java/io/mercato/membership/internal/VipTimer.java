package io.mercato.membership.internal;

import io.mercato.membership.VipMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Renews the 88VIP terms that ended for members who chose auto-renewal, and grants the month's members' coupons,
 * every {@code mercato.membership.sweep} (one minute). Expiry itself needs no write: a term covers its year and no
 * longer.
 */
@Component
@ConditionalOnProperty(name = "mercato.ordering.timers-enabled", havingValue = "true", matchIfMissing = true)
class VipTimer {

    private static final Logger log = LoggerFactory.getLogger(VipTimer.class);

    private final VipMembership vip;

    VipTimer(VipMembership vip) {
        this.vip = vip;
    }

    @Scheduled(fixedDelayString = "${mercato.membership.sweep:1m}", initialDelayString = "30s")
    void sweep() {
        int renewed = vip.runDue();
        if (renewed > 0) {
            log.info("Renewed {} 88VIP memberships automatically", renewed);
        }
    }
}
