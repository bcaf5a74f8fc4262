package io.mercato.platform;

/** What an account may do on the platform. */
public enum Role {
    BUYER, SELLER, OPERATOR
}
