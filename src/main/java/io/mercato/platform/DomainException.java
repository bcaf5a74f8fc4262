package io.mercato.platform;

/**
 * A refusal the caller can act on, with a message that says why. The kinds are closed, so whoever answers a
 * caller (the HTTP edge, a page) can map each one exhaustively and a new kind fails to compile until it is mapped.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ForbiddenException, ConflictException, InvalidInputException, TooManyRequestsException,
        UnauthorizedException {

    private final Text text;

    /** A refusal in English words only; prefer {@link #DomainException(Text)} so that every reader gets their language. */
    protected DomainException(String message) {
        super(message);
        this.text = null;
    }

    /** A refusal whose words come from the message bundles; {@link #getMessage()} is the key and its arguments. */
    protected DomainException(Text text) {
        super(text.toString());
        this.text = text;
    }

    /** The bundle text of the refusal, or null for a refusal made of words (its message is then the text). */
    public Text text() {
        return text;
    }
}
