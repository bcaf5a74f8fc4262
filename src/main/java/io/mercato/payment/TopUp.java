package io.mercato.payment;

import java.time.Instant;

public record TopUp(long id, long buyerAccountId, long amountMinor, String currency, String providerReference,
        long balanceAfterMinor, Instant at) {
}
