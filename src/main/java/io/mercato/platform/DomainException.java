package io.mercato.platform;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A refusal the caller can act on, with a message that says why. The kinds are closed, so whoever answers a
 * caller (the HTTP edge, a page) can map each one exhaustively and a new kind fails to compile until it is mapped.
 * Every refusal is a {@link Text} (a bundle key and its arguments): there is no way to refuse in words written in
 * code, so every reader gets their own language.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ForbiddenException, ConflictException, InvalidInputException, TooManyRequestsException,
        UnauthorizedException {

    private final Text text;

    /**
     * A refusal whose words come from the message bundles; {@link #getMessage()} is its English text (for logs), and
     * whoever answers the caller says it in the caller's language ({@code http.Wording}).
     */
    protected DomainException(Text text) {
        super(english(text));
        this.text = text;
    }

    /** The bundle text of the refusal. */
    public Text text() {
        return text;
    }

    /** The text as the English bundle says it, formatted like the message source does; the key if it is missing. */
    static String english(Text text) {
        String pattern;
        try {
            pattern = English.BUNDLE.getString(text.key());
        } catch (MissingResourceException missing) {
            return text.toString();
        }
        if (text.args().length == 0) {
            return pattern;
        }
        Object[] plain = text.argumentsFor(pattern, DomainException::english, constant ->
                English.BUNDLE.containsKey(Text.keyOf(constant)) ? English.BUNDLE.getString(Text.keyOf(constant))
                        : constant.name());
        return new MessageFormat(pattern, Locale.ENGLISH).format(plain);
    }

    private static final class English {
        static final ResourceBundle BUNDLE = ResourceBundle.getBundle("messages", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
