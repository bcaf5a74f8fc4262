package io.mercato.membership;

import io.mercato.platform.Actor;
import java.util.List;

/**
 * Engagement ("Taoqi") points: one per whole RMB paid for an order (taken back pro rata on refunds), {@value #REVIEW}
 * per review and {@value #CHECK_IN} for the day's check-in. Each award is booked once per source, so a repeated event
 * or request never awards twice.
 */
public interface EngagementPoints {

    long REVIEW = 10;
    long CHECK_IN = 5;

    /** The buyer's points: the sum of their history. */
    long balance(Actor buyer);

    /** The buyer's points history, newest first. */
    List<PointsEntry> history(Actor buyer, int limit);

    /**
     * The day's check-in (the day in the marketplace's time zone).
     *
     * @throws io.mercato.platform.ConflictException when the buyer checked in today already
     * @throws io.mercato.platform.ForbiddenException when the actor is no buyer
     */
    PointsEntry checkIn(Actor buyer);

    /** Whether the buyer checked in today. */
    boolean checkedInToday(Actor buyer);
}
