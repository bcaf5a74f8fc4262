package io.mercato.instant;

import io.mercato.platform.Actor;
import java.util.List;

/** Instant deliveries of paid orders from local stores, as buyers and operators see them. */
public interface Deliveries {

    /**
     * The buyer asks for a paid order from a local store to be delivered to a position in the store's zone: the
     * delivery is quoted (its promise is the quote) and waits for dispatch. In the same transaction the buyer's
     * wallet pays the delivery fee less the platform's subsidy, held until delivery (see payment's
     * {@code DeliveryFees}).
     *
     * @throws io.mercato.platform.InvalidInputException when the position is outside the store's zone
     * @throws io.mercato.platform.ConflictException when the order is not paid, already has a delivery, the store
     *         is closed or not local, or the wallet holds less than the buyer's part of the fee (nothing is written)
     */
    DeliveryTask request(Actor buyer, long orderId, Position drop);

    /** The order's delivery, for its buyer (with the proof code), the store's seller or an operator. */
    DeliveryTask forOrder(Actor actor, long orderId);

    OperationsBoard board(Actor operator);

    /** The latest deliveries' unit economics, newest first (operators only). */
    List<UnitEconomics> economics(Actor operator, int limit);
}
