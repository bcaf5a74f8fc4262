package io.mercato.inventory;

/** Units of one SKU: on hand, held by unpaid orders, and free to sell ({@code onHand - reserved}). */
public record Stock(long skuId, long onHand, long reserved) {

    public long available() {
        return onHand - reserved;
    }
}
