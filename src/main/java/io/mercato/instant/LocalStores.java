package io.mercato.instant;

import io.mercato.platform.Actor;
import java.util.List;
import java.util.Optional;

/** Local stores' delivery profiles, and what can reach a buyer's address in 30 minutes. */
public interface LocalStores {

    /**
     * Sets a local store's profile (its seller or an operator).
     *
     * @throws io.mercato.platform.NotFoundException when there is no such store
     * @throws io.mercato.platform.ForbiddenException when the actor does not run it
     * @throws io.mercato.platform.ConflictException when the store is not of the local kind
     */
    LocalStore configure(Actor actor, long storeId, LocalStoreSettings settings);

    Optional<LocalStore> find(long storeId);

    List<LocalStore> all();

    /** @throws io.mercato.platform.NotFoundException when the store has no local profile */
    Quote quote(long storeId, Position buyer);

    /** The local stores that deliver to the buyer now and can arrive within 30 minutes, soonest first. */
    List<Quote> reachable(Position buyer);
}
