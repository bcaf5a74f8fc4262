package io.mercato.reviews;

import java.time.Instant;

/** One buyer's review of one order line's product. */
public record Review(long id, long buyerAccountId, long orderId, long orderLineId, long productId, long skuId,
        int rating, String text, Instant createdAt) {
}
