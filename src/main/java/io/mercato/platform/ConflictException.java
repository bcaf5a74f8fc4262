package io.mercato.platform;

import org.springframework.http.HttpStatus;

public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
