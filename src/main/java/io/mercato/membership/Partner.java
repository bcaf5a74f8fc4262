package io.mercato.membership;

/** The bundled partner memberships an 88VIP term comes with. */
public enum Partner {
    VIDEO, FOOD_DELIVERY, TRAVEL, GROCERY
}
