package io.mercato.identity;

import io.mercato.platform.Role;

/** Published when a buyer or seller account is created. */
public record AccountRegistered(long accountId, Role role) {
}
