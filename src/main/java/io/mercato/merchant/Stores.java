package io.mercato.merchant;

import io.mercato.platform.Actor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Opens stores, finds them, and lets operators verify Tmall stores. */
public interface Stores {

    /**
     * Opens a store for the acting seller (or, for a Supermarket store, the acting operator). A Tmall store
     * starts pending verification; every other kind is active at once.
     */
    Store open(Actor actor, String name, StoreKind kind, String currency, @Nullable String logoUrl);

    /** @throws io.mercato.platform.NotFoundException when there is no such store */
    Store get(long storeId);

    /**
     * The store, if the actor runs it (operators may act on any store).
     *
     * @throws io.mercato.platform.NotFoundException when there is no such store
     * @throws io.mercato.platform.ForbiddenException when the actor does not run it
     */
    Store requireManagedBy(Actor actor, long storeId);

    List<Store> ownedBy(long accountId);

    List<Store> withStatus(StoreStatus status);

    /** Stores whose name contains the text (case-insensitive), newest first, at most {@code limit}. */
    List<Store> search(String text, int limit);

    /**
     * One page of stores, newest first, narrowed by a text in the name (case-insensitive) or equal to the store id,
     * a kind and a status where given; for the operations console.
     */
    Found list(@Nullable String text, @Nullable StoreKind kind, @Nullable StoreStatus status, int page, int size);

    /** A page of stores and how many match in all. */
    record Found(List<Store> items, int page, int size, long total) {

        public Found {
            items = List.copyOf(items);
        }
    }

    /** How many stores opened on each day of {@code from..to} (in the zone); days without any are absent. */
    Map<LocalDate, Long> openedPerDay(LocalDate from, LocalDate to, ZoneId zone);

    /** An operator's decision on a store waiting for verification. */
    Store decideVerification(Actor operator, long storeId, boolean approved, String reason);
}
