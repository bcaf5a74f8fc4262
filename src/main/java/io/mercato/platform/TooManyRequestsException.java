package io.mercato.platform;

import org.springframework.http.HttpStatus;

public final class TooManyRequestsException extends DomainException {

    public TooManyRequestsException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }

    @Override
    public String title() {
        return "Too many requests";
    }
}
