package io.mercato.merchant;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A store on the marketplace.
 *
 * @param ownerAccountId the seller account (or, for the Supermarket, the operator) that runs it
 * @param currency ISO code of the currency its prices are in
 */
public record Store(long id, long ownerAccountId, String name, StoreKind kind, String currency, StoreStatus status,
        @Nullable String logoUrl, @Nullable String verificationNote, Instant createdAt) {

    public boolean canSell() {
        return status.canSell();
    }
}
