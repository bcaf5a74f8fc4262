package io.mercato.membership;

import io.mercato.platform.Money;

/** The 88VIP price rule: RMB 88 a year with 1,000 points or more, RMB 888 otherwise. */
public final class VipPrice {

    public static final long POINTS_FOR_REDUCED = 1_000;
    public static final long REDUCED_MAJOR = 88;
    public static final long FULL_MAJOR = 888;

    private VipPrice() {
    }

    public static Money forPoints(long points) {
        return Money.of((points >= POINTS_FOR_REDUCED ? REDUCED_MAJOR : FULL_MAJOR) * 100, "CNY");
    }
}
