package io.mercato.identity;

import io.mercato.platform.Role;
import java.time.Instant;

/** A registered account as other modules and clients see it; never carries the password hash. */
public record Account(long id, String email, String displayName, Role role, Instant createdAt) {
}
