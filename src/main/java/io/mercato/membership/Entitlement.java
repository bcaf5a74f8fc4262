package io.mercato.membership;

/** A partner benefit of one paid term, redeemed at the partner with its code. */
public record Entitlement(long termId, Partner partner, String code) {
}
