package io.mercato.platform;

/** The caller is not known: no valid session or token, or a wrong password. */
public final class UnauthorizedException extends DomainException {

    /** The refusal in the reader's language: {@code new UnauthorizedException(Text.of("key", arg…))}. */
    public UnauthorizedException(Text text) {
        super(text);
    }
}
