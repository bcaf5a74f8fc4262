package io.mercato.platform;

import org.springframework.http.HttpStatus;

/** Input that breaks a rule; names the offending field so a client can point at it. */
public final class InvalidInputException extends DomainException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    public String title() {
        return "Invalid input";
    }
}
