package io.mercato.merchant;

public enum StoreStatus {
    /** Open for business. */
    ACTIVE,
    /** Waiting for an operator to check the brand authorisation. */
    PENDING_VERIFICATION,
    /** Verified by an operator. */
    VERIFIED,
    /** An operator refused the verification; the reason says why. */
    REJECTED;

    public boolean canSell() {
        return this == ACTIVE || this == VERIFIED;
    }
}
