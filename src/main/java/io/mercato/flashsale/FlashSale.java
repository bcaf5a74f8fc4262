package io.mercato.flashsale;

import io.mercato.platform.Money;
import java.time.Instant;

/**
 * One flash sale as buyers and its seller see it.
 *
 * @param sold units held by winning claims (orders awaiting payment, or paid); units of cancelled orders come back
 * @param status derived from the clock and the units left when the view was made
 */
public record FlashSale(long id, String name, long skuId, long productId, long storeId, String title, Money price,
        Money listPrice, long quantity, long sold, int perBuyerLimit, Instant startsAt, Instant endsAt, Status status) {

    public long remaining() {
        return quantity - sold;
    }

    public enum Status {
        UPCOMING, LIVE, SOLD_OUT, ENDED,
        /** Called off by its seller or an operator before it started. */
        CANCELLED;

        public static Status at(Instant now, Instant startsAt, Instant endsAt, long remaining) {
            if (!now.isBefore(endsAt)) {
                return ENDED;
            }
            if (now.isBefore(startsAt)) {
                return UPCOMING;
            }
            return remaining <= 0 ? SOLD_OUT : LIVE;
        }
    }
}
