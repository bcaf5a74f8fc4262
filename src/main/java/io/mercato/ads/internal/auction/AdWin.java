package io.mercato.ads.internal.auction;

/**
 * A winner: its bid, its position (1 = first ad slot) and the price it pays per click (generalised second
 * price, in minor units; at least the reserve, never above its bid).
 */
public record AdWin(AdBid bid, int position, long priceMinor) {
}
