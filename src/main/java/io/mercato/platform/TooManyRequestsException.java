package io.mercato.platform;

/** The caller tried too often in too short a time and must wait. */
public final class TooManyRequestsException extends DomainException {

    /** The refusal in the reader's language: {@code new TooManyRequestsException(Text.of("key", arg…))}. */
    public TooManyRequestsException(Text text) {
        super(text);
    }
}
