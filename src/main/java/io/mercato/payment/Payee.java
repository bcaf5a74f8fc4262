package io.mercato.payment;

/**
 * Whose escrow holds an order's money, and who is paid when it settles: a merchant, named by the seller's
 * account, or the platform itself for its first-party (Supermarket) sales.
 */
public sealed interface Payee {

    static Payee merchant(long sellerAccountId) {
        return new Merchant(sellerAccountId);
    }

    static Payee platform() {
        return Platform.INSTANCE;
    }

    /** A third-party merchant: escrow and balance are the seller account's own. */
    record Merchant(long sellerAccountId) implements Payee {

        public Merchant {
            if (sellerAccountId <= 0) {
                throw new IllegalArgumentException("A merchant payee is a seller account, got id " + sellerAccountId);
            }
        }
    }

    /** The platform selling on its own account: the settled money is sales revenue, with no fee split off. */
    enum Platform implements Payee {
        INSTANCE
    }
}
