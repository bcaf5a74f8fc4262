package io.mercato.pricing.internal;

import io.mercato.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** The rule for what merchants and operators call their promotions. */
final class Names {

    static final int MAX = 100;

    private Names() {
    }

    static String require(String field, @Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(field, "Give it a name of 1 to " + MAX + " characters");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX) {
            throw new InvalidInputException(field, "A name has at most " + MAX + " characters, got " + trimmed.length());
        }
        return trimmed;
    }
}
