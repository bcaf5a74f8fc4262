package io.mercato.merchant;

/** Published when an operator decides on a store's verification. */
public record StoreVerified(long storeId, boolean approved, String reason) {
}
