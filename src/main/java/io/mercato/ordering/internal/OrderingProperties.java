package io.mercato.ordering.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clocks of the order lifecycle.
 *
 * @param paymentTimeout an unpaid order is cancelled and its stock released after this
 * @param autoConfirmAfter a delivered order completes by itself this long after delivery
 * @param returnWindow how long after delivery a buyer may ask to return goods
 * @param refundDecisionTimeout the platform approves a refund the seller has not decided on within this
 * @param timeoutSweep how often the timers are checked
 */
@ConfigurationProperties("mercato.ordering")
record OrderingProperties(
        @DefaultValue("30m") Duration paymentTimeout,
        @DefaultValue("7d") Duration autoConfirmAfter,
        @DefaultValue("7d") Duration returnWindow,
        @DefaultValue("48h") Duration refundDecisionTimeout,
        @DefaultValue("30s") Duration timeoutSweep) {

    /** Who may ask for money back when, with the windows configured here. */
    RefundPolicy refundPolicy() {
        return new RefundPolicy(returnWindow, refundDecisionTimeout);
    }
}
