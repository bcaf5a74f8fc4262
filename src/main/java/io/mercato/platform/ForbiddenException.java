package io.mercato.platform;

/** The caller is known but may not do this, or may not touch what they named. */
public final class ForbiddenException extends DomainException {

    /** The refusal in the reader's language: {@code new ForbiddenException(Text.of("key", arg…))}. */
    public ForbiddenException(Text text) {
        super(text);
    }
}
