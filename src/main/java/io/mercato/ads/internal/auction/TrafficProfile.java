package io.mercato.ads.internal.auction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The share of a day's ad requests that arrives by each time of day, learned from the requests themselves: a
 * count per quarter hour of the current day, folded into the profile at midnight with weight ½ when the day was
 * seen whole (from its first hour). Until then a typical marketplace day (quiet at night, peaks late morning,
 * afternoon and evening) stands in. The pacing controller spends a daily budget along this curve.
 */
final class TrafficProfile {

    static final int SLOTS = 96;
    static final int SLOT_SECONDS = 24 * 3600 / SLOTS;
    private static final double[] TYPICAL_HOURS = {3.0, 1.8, 1.0, 0.6, 0.5, 0.5, 0.8, 1.5, 2.8, 4.0, 4.8, 5.0, 4.5,
        4.6, 5.0, 5.0, 4.8, 4.4, 4.5, 5.2, 6.0, 6.5, 6.2, 4.8};

    private final ZoneId zone;
    private final AtomicLongArray today = new AtomicLongArray(SLOTS);
    /** Share of the day per slot, summing to 1; replaced whole, never changed in place. */
    private volatile double[] shares;
    /** Cumulative share before each slot; {@code cumulative[SLOTS] == 1}. */
    private volatile double[] cumulative;
    private LocalDate day = LocalDate.MIN;
    private boolean seenWhole;
    private int learnedDays;

    TrafficProfile(ZoneId zone) {
        this.zone = zone;
        double[] typical = new double[SLOTS];
        for (int s = 0; s < SLOTS; s++) {
            typical[s] = TYPICAL_HOURS[s / 4];
        }
        publish(typical);
    }

    /** Counts one request at {@code at}; folds the previous day into the profile at the first request of a day. */
    void count(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        int slot = slot(local);
        if (!date.equals(day)) {
            rollOver(date, slot);
        }
        today.incrementAndGet(slot);
    }

    private synchronized void rollOver(LocalDate date, int slot) {
        if (date.equals(day)) {
            return;
        }
        if (date.isAfter(day)) {
            long total = 0;
            double[] counts = new double[SLOTS];
            for (int s = 0; s < SLOTS; s++) {
                counts[s] = today.getAndSet(s, 0);
                total += (long) counts[s];
            }
            if (seenWhole && total >= SLOTS) {
                double[] blended = new double[SLOTS];
                double[] old = shares;
                for (int s = 0; s < SLOTS; s++) {
                    blended[s] = 0.5 * old[s] + 0.5 * counts[s] / total;
                }
                publish(blended);
                learnedDays++;
            }
            day = date;
            seenWhole = slot < 4;
        }
    }

    private void publish(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] share = new double[SLOTS];
        double[] cum = new double[SLOTS + 1];
        for (int s = 0; s < SLOTS; s++) {
            share[s] = weights[s] / sum;
            cum[s + 1] = cum[s] + share[s];
        }
        cum[SLOTS] = 1.0;
        shares = share;
        cumulative = cum;
    }

    private static int slot(ZonedDateTime local) {
        return Math.min(SLOTS - 1, local.toLocalTime().toSecondOfDay() / SLOT_SECONDS);
    }

    /** The share of the day's traffic expected before {@code at} (0 at midnight, 1 at the next). */
    double elapsedShare(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        int second = local.toLocalTime().toSecondOfDay();
        int slot = Math.min(SLOTS - 1, second / SLOT_SECONDS);
        double within = (second - slot * (double) SLOT_SECONDS) / SLOT_SECONDS;
        double[] cum = cumulative;
        return cum[slot] + (cum[slot + 1] - cum[slot]) * within;
    }

    /**
     * The share of the day's value expected before {@code at}: each quarter hour's traffic share weighted by
     * {@code weight} of its hour (the conversion factor of that hour), so that a budget is spent where the clicks
     * are worth most.
     */
    double elapsedShare(Instant at, java.util.function.IntToDoubleFunction weight) {
        double[] hourWeights = new double[24];
        for (int h = 0; h < 24; h++) {
            hourWeights[h] = weight.applyAsDouble(h);
        }
        ZonedDateTime local = at.atZone(zone);
        int second = local.toLocalTime().toSecondOfDay();
        int slot = Math.min(SLOTS - 1, second / SLOT_SECONDS);
        double within = (second - slot * (double) SLOT_SECONDS) / SLOT_SECONDS;
        double[] share = shares;
        double before = 0;
        double total = 0;
        for (int s = 0; s < SLOTS; s++) {
            double w = share[s] * hourWeights[s * 24 / SLOTS];
            total += w;
            if (s < slot) {
                before += w;
            } else if (s == slot) {
                before += w * within;
            }
        }
        return total == 0 ? elapsedShare(at) : before / total;
    }

    synchronized int learnedDays() {
        return learnedDays;
    }
}
