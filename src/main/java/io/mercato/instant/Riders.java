package io.mercato.instant;

import io.mercato.platform.Actor;
import java.util.List;

/**
 * Riders: operators enrol accounts as riders; a rider goes online, shares its position and works its tasks. Every
 * task action checks that the task is the caller's: another rider's task is refused (403), a repeated accept is a
 * conflict (409).
 */
public interface Riders {

    /**
     * Enrols an account as a rider (operators only).
     *
     * @throws io.mercato.platform.ConflictException when the account already rides
     */
    Rider enrol(Actor operator, long accountId, String name, int capacity);

    /** @throws io.mercato.platform.ForbiddenException when the actor is not a rider */
    Rider me(Actor actor);

    List<Rider> all(Actor operator);

    Rider goOnline(Actor rider, boolean online);

    /**
     * Records the rider's position.
     *
     * @throws io.mercato.platform.InvalidInputException outside the world, or farther from the last position than a
     *         rider can travel in the time since
     */
    Rider report(Actor rider, Position position);

    /** The rider's open tasks in route order. */
    List<DeliveryTask> tasks(Actor rider);

    DeliveryTask accept(Actor rider, long taskId);

    DeliveryTask decline(Actor rider, long taskId);

    /** @throws io.mercato.platform.ConflictException unless accepted and the rider is at the store */
    DeliveryTask pickUp(Actor rider, long taskId);

    /** @throws io.mercato.platform.InvalidInputException when the proof code is not the buyer's */
    DeliveryTask deliver(Actor rider, long taskId, String proofCode);
}
