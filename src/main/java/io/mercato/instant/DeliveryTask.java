package io.mercato.instant;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One instant delivery: from the store to the buyer, with the promised time, the live ETA and whether it is late.
 *
 * @param routeSeq its place in the rider's route (the order of the rider's pickups), when assigned
 * @param eta when the drop is expected, as of the latest dispatch round
 * @param late whether it was delivered after the promise or is expected after it
 * @param proofCode the code the buyer tells the rider at the door: shown to the buyer only
 */
public record DeliveryTask(long id, long orderId, long storeId, String storeName, Position pickup, Position drop,
        DeliveryStatus status, @Nullable Long riderId, @Nullable Integer routeSeq, Instant readyAt, Instant promisedAt,
        int quotedMinutes, Instant eta, boolean late, @Nullable String proofCode, Instant createdAt,
        @Nullable Instant acceptedAt, @Nullable Instant pickedUpAt, @Nullable Instant deliveredAt) {
}
