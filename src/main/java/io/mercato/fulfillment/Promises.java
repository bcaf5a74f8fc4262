package io.mercato.fulfillment;

import io.mercato.platform.Actor;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Delivery promises: quoted on the product page and at checkout, and kept with each order. */
public interface Promises {

    /**
     * When a product of the store would arrive at the destination if ordered now: from the store's template
     * (warehouse, cut-off in the warehouse's zone, service), the lane's working days and the holiday calendar.
     * Null when the store has no template or its service has no lane to the destination.
     */
    @Nullable Promise quote(long storeId, String country, @Nullable String province, @Nullable String city);

    /** The promise kept with the order, if the order is the actor's (buyer, seller or operator). */
    @Nullable Promise ofOrder(Actor actor, long orderId);

    /**
     * @param shipsOn the day the warehouse hands the parcel to the carrier
     * @param arrivesBy the last day of delivery, in the warehouse's zone
     * @param promisedBy the end of that day: delivered before this instant is on time
     */
    record Promise(long warehouseId, String warehouseCity, long serviceId, ServiceKind serviceKind, String serviceName,
            String origin, String destination, LocalDate shipsOn, LocalDate arrivesBy, Instant promisedBy,
            String timeZone) {
    }
}
