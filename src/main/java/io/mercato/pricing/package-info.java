/**
 * Pricing: one engine that prices a cart and explains every cent of it — merchant-funded store coupons,
 * limited-time discounts and flash-sale prices; platform-funded vouchers, cross-store threshold discounts,
 * subsidised and member prices; presale deposits — and the promotions, voucher pools and festivals behind them.
 * Ordering asks it for the price of a checkout and records what it answered; membership answers whether a buyer is a
 * member ({@link io.mercato.pricing.MemberStatus}) and issues members' coupons through {@link io.mercato.pricing.Vouchers}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "catalog", "merchant", "identity"})
package io.mercato.pricing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
