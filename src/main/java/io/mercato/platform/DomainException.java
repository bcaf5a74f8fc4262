package io.mercato.platform;

/**
 * A refusal the caller can act on, with a message that says why. The kinds are closed, so whoever answers a
 * caller (the HTTP edge, a page) can map each one exhaustively and a new kind fails to compile until it is mapped.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ForbiddenException, ConflictException, InvalidInputException, TooManyRequestsException,
        UnauthorizedException {

    protected DomainException(String message) {
        super(message);
    }
}
