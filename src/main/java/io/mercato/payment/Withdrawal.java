package io.mercato.payment;

import java.time.Instant;

public record Withdrawal(long id, long sellerAccountId, long amountMinor, String currency, String providerReference,
        long balanceAfterMinor, Instant at) {
}
