/**
 * The ads engine: the in-memory auction among campaigns for an ad request, click and conversion rates learned
 * online, and the auto-bidder (bid from target ROI, pacing, ROI feedback). No database access: the ads module
 * feeds it campaigns and events and persists everything.
 */
@NullMarked
package io.mercato.ads.internal.auction;

import org.jspecify.annotations.NullMarked;
