package io.mercato.platform;

import org.springframework.http.HttpStatus;

/** A failure the caller can act on; carries the HTTP status its problem detail is answered with. */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ForbiddenException, ConflictException, InvalidInputException, TooManyRequestsException,
        UnauthorizedException {

    protected DomainException(String message) {
        super(message);
    }

    public abstract HttpStatus status();

    /** A short, stable title for the problem type. */
    public abstract String title();
}
