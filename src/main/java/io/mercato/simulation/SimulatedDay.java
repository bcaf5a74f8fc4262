package io.mercato.simulation;

import java.time.LocalDate;

/**
 * One finished simulated day: what the market did that day (consumers who visited the shop, orders placed and paid, their value, cancellations,
 * refunds, reviews, first-time buyers, 88VIP joins, sponsored clicks, actions the platform refused) and how long it
 * took to simulate.
 */
public record SimulatedDay(int dayIndex, LocalDate day, int visitors, int orders, long gmvMinor, int cancelled, int refunds,
        int reviews, int newBuyers, int vipJoins, int adClicks, int refused, long wallMs) {
}
