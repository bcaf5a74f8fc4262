package io.mercato.platform;

import org.springframework.http.HttpStatus;

public final class UnauthorizedException extends DomainException {

    public UnauthorizedException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNAUTHORIZED;
    }

    @Override
    public String title() {
        return "Unauthorized";
    }
}
