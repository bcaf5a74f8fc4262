package io.mercato.platform;

import java.util.Objects;

/** Who is acting: the authenticated account and its role. Every state change records one. */
public record Actor(long accountId, Role role) {

    /** The platform itself, for transitions made by timers rather than people. */
    public static final Actor SYSTEM = new Actor(0, Role.OPERATOR);

    public Actor {
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role wanted) {
        return role == wanted;
    }

    public boolean isSystem() {
        return accountId == 0;
    }

    /** A short label for history entries: {@code buyer:42}, {@code system}. */
    public String label() {
        return isSystem() ? "system" : role.name().toLowerCase() + ":" + accountId;
    }
}
