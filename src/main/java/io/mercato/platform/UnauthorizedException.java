package io.mercato.platform;

/** The caller is not known: no valid session or token, or a wrong password. */
public final class UnauthorizedException extends DomainException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
