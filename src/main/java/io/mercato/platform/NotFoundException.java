package io.mercato.platform;

/** What was asked for does not exist, or is hidden from this caller (an unlisted product). */
public final class NotFoundException extends DomainException {

    /** The refusal in the reader's language: {@code new NotFoundException(Text.of("key", arg…))}. */
    public NotFoundException(Text text) {
        super(text);
    }
}
