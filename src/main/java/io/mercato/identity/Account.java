package io.mercato.identity;

import io.mercato.platform.Role;
import java.time.Instant;

/** A registered account as other modules and clients see it; never carries the password hash. */
public record Account(long id, String email, String displayName, Role role, Instant createdAt) {

    /** @throws IllegalArgumentException for {@link Role#SYSTEM}, which is the platform's and no account's */
    public Account {
        if (role == Role.SYSTEM) {
            throw new IllegalArgumentException("Account " + id + " cannot hold the system role");
        }
    }
}
