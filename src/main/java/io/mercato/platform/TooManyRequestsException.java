package io.mercato.platform;

/** The caller tried too often in too short a time and must wait. */
public final class TooManyRequestsException extends DomainException {

    public TooManyRequestsException(String message) {
        super(message);
    }
}
