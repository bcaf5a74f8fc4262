package io.mercato.payment;

public record LedgerAccount(long id, AccountKind kind, long ownerId, String currency, long balanceMinor) {
}
