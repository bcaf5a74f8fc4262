package io.mercato.platform;

/** The request is well formed but the current state refuses it (sold out, already paid, a duplicate). */
public final class ConflictException extends DomainException {

    /** The refusal in the reader's language: {@code new ConflictException(Text.of("key", arg…))}. */
    public ConflictException(Text text) {
        super(text);
    }
}
