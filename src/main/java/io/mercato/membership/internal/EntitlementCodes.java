package io.mercato.membership.internal;

import io.mercato.membership.Partner;
import java.security.SecureRandom;

/** Redemption codes for partner benefits: the partner's prefix and twelve unguessable characters. */
final class EntitlementCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private EntitlementCodes() {
    }

    static String next(Partner partner) {
        StringBuilder code = new StringBuilder(switch (partner) {
            case VIDEO -> "VID";
            case FOOD_DELIVERY -> "FOOD";
            case TRAVEL -> "TRVL";
            case GROCERY -> "GROC";
        });
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
