package io.mercato.identity;

import java.time.Instant;

/** A bearer token issued at login, valid until {@code expiresAt}. */
public record Session(String token, Instant expiresAt, Account account) {
}
