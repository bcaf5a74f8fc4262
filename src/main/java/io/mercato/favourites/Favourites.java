package io.mercato.favourites;

import io.mercato.platform.Actor;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A buyer's favourite products and stores. Adding what is already kept, or removing what is not, changes nothing,
 * so a repeated request is harmless. Only buyers keep favourites.
 */
public interface Favourites {

    /** The most favourites a buyer keeps of each kind. */
    int MAX = 500;

    /**
     * @throws io.mercato.platform.NotFoundException when the product is not on sale (nor the buyer's favourite)
     * @throws io.mercato.platform.ConflictException when the buyer keeps {@link #MAX} products already
     * @throws io.mercato.platform.ForbiddenException when the actor is no buyer
     */
    void addProduct(Actor buyer, long productId);

    void removeProduct(Actor buyer, long productId);

    /**
     * @throws io.mercato.platform.NotFoundException when there is no such store
     * @throws io.mercato.platform.ConflictException when the buyer keeps {@link #MAX} stores already
     */
    void addStore(Actor buyer, long storeId);

    void removeStore(Actor buyer, long storeId);

    /** The buyer's favourite products, latest added first. */
    List<Favourite> products(Actor buyer);

    /** The buyer's favourite stores, latest added first. */
    List<Favourite> stores(Actor buyer);

    /** Which of these products the buyer keeps. */
    Set<Long> keptProducts(Actor buyer, Collection<Long> productIds);

    /** Whether the buyer keeps the store. */
    boolean keepsStore(Actor buyer, long storeId);

    /** How many buyers keep the store (public). */
    long followers(long storeId);
}
