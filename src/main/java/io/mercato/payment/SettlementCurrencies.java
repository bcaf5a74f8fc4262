package io.mercato.payment;

import io.mercato.platform.Actor;
import java.util.Currency;
import java.util.Optional;

/**
 * The currency each merchant is paid in. A settlement of an order in another currency pays the merchant's balance in
 * the order's currency and, in the same transaction, converts that amount through FX clearing at the day's rate into
 * the merchant's currency ({@code order:<id>:settlement:fx:from|to}); the balance, statements and withdrawals are then
 * in the merchant's currency. Without a rate in force the settlement stays in the order's currency.
 */
public interface SettlementCurrencies {

    /** The merchant's chosen currency; empty when it is paid in each order's own currency (the default). */
    Optional<Currency> of(long sellerAccountId);

    /**
     * Chooses (or, with null or blank, clears) the seller's own settlement currency.
     *
     * @throws io.mercato.platform.InvalidInputException naming {@code currency} when it is not one the platform trades
     * @throws io.mercato.platform.ForbiddenException when the actor is not a seller
     */
    Optional<Currency> choose(Actor seller, @org.jspecify.annotations.Nullable String currency);
}
