package io.mercato.billing;

import io.mercato.platform.Actor;
import java.util.List;

/**
 * Wholesale stores' annual memberships. A store is billed when it is first seen active and again each year when
 * its year ends, from the merchant balance; what the balance cannot pay becomes the merchant's debt, which its
 * later settlements pay first, and the store keeps selling meanwhile.
 */
public interface Memberships {

    /** Bills every wholesale store whose membership is due now; how many were billed. Run by the timer. */
    int billDue();

    /** Bills one store's due membership years, if it is an active wholesale store; how many were billed. */
    int billDue(long storeId);

    /** The membership years of every store (operators) or of the seller's own stores (sellers), newest first. */
    List<Membership> memberships(Actor actor);
}
