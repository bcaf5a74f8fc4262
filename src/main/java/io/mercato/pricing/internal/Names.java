package io.mercato.pricing.internal;

import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import org.jspecify.annotations.Nullable;

/** The rule for what merchants and operators call their promotions. */
final class Names {

    static final int MAX = 100;

    private Names() {
    }

    static String require(String field, @Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(field, Text.of("pricing.giveNameCharacters", MAX));
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX) {
            throw new InvalidInputException(field, Text.of("pricing.nameHasMostCharactersGot", MAX, trimmed.length()));
        }
        return trimmed;
    }
}
