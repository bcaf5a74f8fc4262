package io.mercato.platform;

/** What an actor may do on the platform. Accounts hold one of the first three; no account can hold {@link #SYSTEM}. */
public enum Role {
    BUYER, SELLER, OPERATOR,
    /** The platform itself ({@link Actor#SYSTEM}): timers and the decisions they take when nobody else did. */
    SYSTEM
}
