package io.mercato.ads.internal.auction;

/**
 * One eligible candidate of an auction: its bid per click (minor units), its predicted click-through rate on
 * this placement, its quality (relevance to the request) and its rank score {@code bidMinor × pctr × quality}.
 */
public record AdBid(long campaignId, long productId, long storeId, long bidMinor, double pctr, double quality,
        double score) {
}
