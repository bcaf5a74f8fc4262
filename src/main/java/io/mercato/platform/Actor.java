package io.mercato.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Who is acting: an account and its role, or the platform itself ({@link #SYSTEM}). Every state change records one.
 */
public record Actor(long accountId, Role role) {

    /**
     * The platform itself, for transitions made by timers rather than people. It has no account and a role of its
     * own, so it passes no buyer, seller or operator check.
     */
    public static final Actor SYSTEM = new Actor(0, Role.SYSTEM);

    /**
     * @throws IllegalArgumentException when an account's id is not positive, or the system role comes with an
     *         account id
     */
    public Actor {
        Objects.requireNonNull(role, "role");
        if (role == Role.SYSTEM && accountId != 0) {
            throw new IllegalArgumentException("The system acts without an account, got account " + accountId
                    + "; use Actor.SYSTEM");
        }
        if (role != Role.SYSTEM && accountId <= 0) {
            throw new IllegalArgumentException("Account ids are positive, got " + accountId + " for a "
                    + role.name().toLowerCase(Locale.ROOT) + "; the platform itself is Actor.SYSTEM");
        }
    }

    public boolean is(Role wanted) {
        return role == wanted;
    }

    public boolean isSystem() {
        return role == Role.SYSTEM;
    }

    /**
     * The guard of an action only some roles may take: this actor, when its role is one of those allowed.
     *
     * @return this actor, never null
     * @throws ForbiddenException otherwise, naming the roles allowed and the caller:
     *         {@code Only sellers or operators may do this; you are buyer:42}
     */
    public Actor require(Role allowed, Role... orAllowed) {
        List<Role> roles = Stream.concat(Stream.of(allowed), Arrays.stream(orAllowed)).distinct().toList();
        if (roles.contains(role)) {
            return this;
        }
        List<Text> names = roles.stream().map(Actor::plural).toList();
        Text who = names.getFirst();
        for (int i = 1; i < names.size(); i++) {
            who = Text.of(i == names.size() - 1 ? "platform.roles.or" : "platform.roles.comma", who, names.get(i));
        }
        throw new ForbiddenException(Text.of("platform.onlyRolesMayDo", who,
                isSystem() ? Text.of("platform.role.plural.SYSTEM") : label()));
    }

    /** A short label for history entries: {@code buyer:42}, {@code system}. */
    public String label() {
        return isSystem() ? "system" : role.name().toLowerCase(Locale.ROOT) + ":" + accountId;
    }

    private static Text plural(Role role) {
        return Text.of("platform.role.plural." + role.name());
    }
}
