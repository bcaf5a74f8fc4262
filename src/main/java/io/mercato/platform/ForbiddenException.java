package io.mercato.platform;

import org.springframework.http.HttpStatus;

public final class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
