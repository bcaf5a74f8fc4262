package io.mercato.addressbook;

import io.mercato.platform.Actor;
import java.util.List;

/**
 * A buyer's saved addresses. The first one saved becomes the default; deleting the default makes the most recently
 * changed of the rest the default. Only the buyer sees and changes their book; another buyer's address is "not
 * found".
 */
public interface AddressBook {

    /** The most a book holds. */
    int MAX_ADDRESSES = 20;

    /** The buyer's addresses, the default first, then the most recently changed. */
    List<SavedAddress> list(Actor buyer);

    SavedAddress get(Actor buyer, long addressId);

    /**
     * @throws io.mercato.platform.InvalidInputException naming the field ({@code phone}, {@code cityCode}, …) when the
     *     draft is incomplete or inconsistent; nothing is saved then
     * @throws io.mercato.platform.ConflictException when the book already holds {@link #MAX_ADDRESSES}
     */
    SavedAddress add(Actor buyer, AddressDraft draft);

    SavedAddress update(Actor buyer, long addressId, AddressDraft draft);

    void delete(Actor buyer, long addressId);

    SavedAddress makeDefault(Actor buyer, long addressId);
}
