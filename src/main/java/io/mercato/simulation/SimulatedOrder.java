package io.mercato.simulation;

/**
 * An order the simulator placed, by the market's own coordinates (simulated day and hour, consumer, merchant and SKU
 * index), with the amount the platform charged and what the consumer then did with it. Two runs of one seed place
 * the same orders but the platform gives them other ids: compare them without {@link #orderId()}.
 */
public record SimulatedOrder(long orderId, int dayIndex, int hour, int consumer, int merchant, int sku, int quantity,
        long totalMinor, String currency, String fate, String nextStep) {
}
