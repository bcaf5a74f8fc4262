/**
 * Membership: engagement ("Taoqi") points earned from paid orders, reviews and daily check-ins; 88VIP, the paid
 * annual membership priced by points and paid from the wallet through the ledger, with its renewals, expiry,
 * cooling-off cancellation, member prices (it answers pricing's {@link io.mercato.pricing.MemberStatus}), monthly
 * members' coupons and partner entitlements; and the operator's figures by month and cohort.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "pricing", "payment", "ordering", "reviews"})
package io.mercato.membership;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
