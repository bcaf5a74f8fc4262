/**
 * Money: buyers' wallets, platform escrow, merchants' balances and platform revenue on a double-entry ledger
 * where every posting balances.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "fx"})
package io.mercato.payment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
